// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A strict RFC 4180 reader for the tests: fields separated by commas, records by CRLF (a bare
// LF is accepted too), fields optionally enclosed in double quotes with "" for a quote.
// Anything else (a quote inside an unquoted field, text after a closing quote, an
// unterminated quote) is an error, so a writer that gets quoting wrong fails the test.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace csvreader {

struct Parsed
{
    QList<QStringList> records;
    QString error; // empty when the text is valid
};

inline Parsed parse(const QByteArray &bytes)
{
    Parsed out;
    const QString text = QString::fromUtf8(bytes);
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool fieldStarted = false;
    const auto endField = [&] {
        record << field;
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        out.records << record;
        record.clear();
    };
    while (i < n) {
        const QChar c = text.at(i);
        if (!fieldStarted && field.isEmpty() && c == u'"') {
            // Quoted field.
            ++i;
            bool closed = false;
            while (i < n) {
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
            if (!closed) {
                out.error =
                    QStringLiteral("record %1: unterminated quote").arg(out.records.size() + 1);
                return out;
            }
            fieldStarted = true;
            if (i < n && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                out.error = QStringLiteral("record %1: text after a closing quote")
                                .arg(out.records.size() + 1);
                return out;
            }
            continue;
        }
        if (c == u',') {
            endField();
            ++i;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && (i + 1 >= n || text.at(i + 1) != u'\n')) {
                out.error = QStringLiteral("record %1: bare CR").arg(out.records.size() + 1);
                return out;
            }
            endRecord();
            i += c == u'\r' ? 2 : 1;
            continue;
        }
        if (c == u'"') {
            out.error =
                QStringLiteral("record %1: quote in an unquoted field").arg(out.records.size() + 1);
            return out;
        }
        field += c;
        fieldStarted = true;
        ++i;
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty())
        endRecord();
    return out;
}

// What a writer's cell holds for `text`: a leading apostrophe when a spreadsheet would run
// the text as a formula (= + - @, tab, carriage return).
inline QString neutralised(const QString &text)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    return !text.isEmpty() && risky.contains(text.front()) ? u'\'' + text : text;
}

// The records as maps from the header's names; nullopt when a record's width differs.
inline std::optional<QList<QMap<QString, QString>>> rows(const Parsed &parsed)
{
    QList<QMap<QString, QString>> out;
    if (parsed.records.isEmpty())
        return out;
    const QStringList header = parsed.records.first();
    for (qsizetype r = 1; r < parsed.records.size(); ++r) {
        const QStringList &record = parsed.records.at(r);
        if (record.size() != header.size())
            return std::nullopt;
        QMap<QString, QString> row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row.insert(header.at(c), record.at(c));
        out << row;
    }
    return out;
}

} // namespace csvreader
