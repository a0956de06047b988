#include "BundleText.h"

#include <QByteArrayView>

namespace frontdesk::BundleText {

namespace {

// Steps through JSON text already known to be well-formed: no value is built, only skipped.
class Scanner
{
public:
    explicit Scanner(const QByteArray &text) : m_text(text) {}

    qsizetype at() const { return m_at; }
    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_at); }

    void whitespace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_at;
    }

    bool take(char c)
    {
        whitespace();
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }

    // A string; its text between the quotes as written (escapes left as they are).
    bool string(QByteArrayView *raw = nullptr)
    {
        whitespace();
        if (peek() != '"')
            return false;
        const qsizetype start = ++m_at;
        while (!atEnd() && peek() != '"')
            m_at += peek() == '\\' ? 2 : 1;
        if (atEnd())
            return false;
        if (raw)
            *raw = QByteArrayView(m_text).sliced(start, m_at - start);
        ++m_at;
        return true;
    }

    // Any value: a string, a number or literal, or an object or array with all it holds.
    bool value()
    {
        whitespace();
        const char c = peek();
        if (c == '"')
            return string();
        if (c != '{' && c != '[') {
            while (!atEnd() && QByteArrayView(",}] \t\r\n").indexOf(peek()) < 0)
                ++m_at;
            return true;
        }
        int depth = 0;
        while (!atEnd()) {
            const char d = peek();
            if (d == '"') {
                if (!string())
                    return false;
                continue;
            }
            ++m_at;
            if (d == '{' || d == '[')
                ++depth;
            else if ((d == '}' || d == ']') && --depth == 0)
                return true;
        }
        return false;
    }

private:
    const QByteArray &m_text;
    qsizetype m_at = 0;
};

bool isEscaped(QByteArrayView name)
{
    return name.contains('\\');
}

// The members of the object at the scanner, each name handed to `member`, which reads the
// value; false when the text is not an object.
template <typename Member> bool members(Scanner &s, Member &&member)
{
    if (!s.take('{'))
        return false;
    if (s.take('}'))
        return true;
    do {
        QByteArrayView name;
        if (!s.string(&name) || !s.take(':') || !member(name))
            return false;
    } while (s.take(','));
    return s.take('}');
}

} // namespace

std::optional<QList<Span>> entryResources(const QByteArray &json)
{
    Scanner s(json);
    QList<Span> spans;
    bool entries = false;
    const bool read = members(s, [&](QByteArrayView name) {
        if (isEscaped(name))
            return false;
        if (name != "entry")
            return s.value();
        if (entries || !s.take('['))
            return false;
        entries = true;
        if (s.take(']'))
            return true;
        do {
            Span span;
            bool resource = false;
            const bool entry = members(s, [&](QByteArrayView field) {
                if (isEscaped(field))
                    return false;
                if (field != "resource")
                    return s.value();
                if (resource)
                    return false;
                resource = true;
                s.whitespace();
                span.offset = s.at();
                if (!s.value())
                    return false;
                span.length = s.at() - span.offset;
                return true;
            });
            if (!entry)
                return false;
            spans.append(span);
        } while (s.take(','));
        return s.take(']');
    });
    if (!read)
        return std::nullopt;
    return spans;
}

} // namespace frontdesk::BundleText
