#pragma once

#include <QByteArrayView>
#include <QString>

#include <string>
#include <vector>

namespace frontdesk {

// Record ids the dashboard's facts refer to by number: each distinct id gets the next number,
// from 0, when first seen. The figures then count patients in arrays instead of sets of
// strings, and the loader turns an id read in place (storage/SqlRow) into its number without
// allocating: the ids are kept one after another in one buffer, found through an
// open-addressing table, which a dashboard over a million appointments asks some 150,000 times.
class KpiIds
{
public:
    int intern(QByteArrayView id);
    int intern(const QString &id) { return intern(QByteArrayView(id.toUtf8())); }
    // The id's number, or -1 when it was never interned.
    int find(const QString &id) const;
    QString id(int number) const;
    // The id as it was interned, valid until the next intern.
    QByteArrayView utf8(int number) const;
    int size() const { return int(m_ends.size()); }

private:
    struct Slot
    {
        quint32 tag = 0;    // the hash's high bits: most mismatches end here
        qint32 number = -1; // -1: empty
    };
    // The slot holding id, or the empty slot where it would go.
    size_t slotOf(QByteArrayView id, size_t hash) const;
    void grow();

    std::string m_text;                                  // every id, one after another
    std::vector<size_t> m_ends;                          // where each id ends in m_text
    std::vector<Slot> m_slots = std::vector<Slot>(1024); // a power of two, at most half full
};

} // namespace frontdesk
