#include "KpiIds.h"

#include <string_view>

namespace frontdesk {

namespace {

size_t hashOf(QByteArrayView utf8)
{
    return std::hash<std::string_view>()(std::string_view(utf8.data(), size_t(utf8.size())));
}

quint32 tagOf(size_t hash)
{
    return quint32(quint64(hash) >> 32);
}

} // namespace

QByteArrayView KpiIds::utf8(int number) const
{
    const size_t begin = number == 0 ? 0 : m_ends[size_t(number) - 1];
    return {m_text.data() + begin, qsizetype(m_ends[size_t(number)] - begin)};
}

size_t KpiIds::slotOf(QByteArrayView id, size_t hash) const
{
    const size_t mask = m_slots.size() - 1;
    const quint32 tag = tagOf(hash);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.number < 0 || (slot.tag == tag && utf8(slot.number) == id))
            return i;
    }
}

void KpiIds::grow()
{
    std::vector<Slot> bigger(m_slots.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot &slot : m_slots) {
        if (slot.number < 0)
            continue;
        size_t i = hashOf(utf8(slot.number)) & mask;
        while (bigger[i].number >= 0)
            i = (i + 1) & mask;
        bigger[i] = slot;
    }
    m_slots = std::move(bigger);
}

int KpiIds::intern(QByteArrayView id)
{
    const size_t hash = hashOf(id);
    size_t i = slotOf(id, hash);
    if (m_slots[i].number >= 0)
        return m_slots[i].number;
    if ((m_ends.size() + 1) * 2 > m_slots.size()) {
        grow();
        i = slotOf(id, hash);
    }
    const int number = int(m_ends.size());
    m_text.append(id.data(), size_t(id.size()));
    m_ends.push_back(m_text.size());
    m_slots[i] = {tagOf(hash), number};
    return number;
}

int KpiIds::find(const QString &id) const
{
    const QByteArray bytes = id.toUtf8();
    const Slot &slot = m_slots[slotOf(bytes, hashOf(bytes))];
    return slot.number;
}

QString KpiIds::id(int number) const
{
    return QString::fromUtf8(utf8(number));
}

} // namespace frontdesk
