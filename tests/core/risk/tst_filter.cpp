// SPDX-License-Identifier: GPL-3.0-or-later
// The filter and sort language shared by the CLI and the GUI: every operator and field
// type, precedence, errors with exact columns, select() order and memoisation, sorting.

#include "risk/fields.h"
#include "risk/filter.h"
#include "risk/sortspec.h"

#include <QTest>
#include <array>
#include <limits>
#include <map>
#include <string>
#include <vector>

using namespace patchwise;
using namespace patchwise::risk;

namespace {

struct Row
{
    std::array<double, FieldCount> numbers{};
    std::array<std::string, FieldCount> texts{};

    Row &num(Field f, double v)
    {
        numbers[static_cast<std::size_t>(f)] = v;
        return *this;
    }
    Row &txt(Field f, std::string v)
    {
        texts[static_cast<std::size_t>(f)] = std::move(v);
        return *this;
    }
};

// Seven findings with hand-picked values (see the table in rows()). textKey() is off,
// small pool indices, or huge ids (to exercise the hash-map memo); text() calls are counted.
class TestRows : public RowSource
{
public:
    enum class Keys
    {
        None,
        Small,
        Large,
    };

    explicit TestRows(std::vector<Row> rows, Keys keys = Keys::None)
        : m_rows(std::move(rows))
        , m_keys(keys)
    {
        // Pool index per field: rows with the same text share a key.
        m_textKeys.resize(m_rows.size() * FieldCount);
        for (std::size_t f = 0; f < std::size_t(FieldCount); ++f) {
            std::map<std::string, std::int64_t> pool;
            for (std::size_t row = 0; row < m_rows.size(); ++row) {
                const auto it =
                    pool.try_emplace(m_rows[row].texts[f], std::int64_t(pool.size())).first;
                m_textKeys[row * FieldCount + f] = it->second;
            }
        }
    }

    std::size_t rowCount() const override { return m_rows.size(); }
    double number(Field field, std::size_t row) const override
    {
        return m_rows[row].numbers[static_cast<std::size_t>(field)];
    }
    std::string_view text(Field field, std::size_t row) const override
    {
        ++m_textCalls[static_cast<std::size_t>(field)];
        return m_rows[row].texts[static_cast<std::size_t>(field)];
    }
    std::int64_t textKey(Field field, std::size_t row) const override
    {
        if (m_keys == Keys::None)
            return -1;
        const std::int64_t key = m_textKeys[row * FieldCount + static_cast<std::size_t>(field)];
        return m_keys == Keys::Large ? key + (std::int64_t(1) << 40) : key;
    }

    int textCalls(Field field) const { return m_textCalls[static_cast<std::size_t>(field)]; }
    void resetCalls() { m_textCalls.fill(0); }

private:
    std::vector<Row> m_rows;
    Keys m_keys;
    std::vector<std::int64_t> m_textKeys;
    mutable std::array<int, FieldCount> m_textCalls{};
};

// row | sev      | cvss | risk | rank | epss  | kev | fix | exp | decision | days
//  0  | critical | 9.8  | 9.5  | 1    | 0.97  | 1   | 0   | 1   | act      | 40
//  1  | high     | 7.5  | 7.0  | 2    | 0.5   | 1   | 1   | 0   | attend   | 10
//  2  | high     | 8.1  | 6.2  | 3    | 0.02  | 1   | 0   | 0   | track*   | 5
//  3  | medium   | 5.3  | 4.0  | 4    | -1    | 0   | 1   | 1   | track    | 0
//  4  | critical | -1   | 8.8  | 5    | 0.31  | 0   | 0   | 0   | act      | 100
//  5  | low      | 3.1  | 1.0  | 6    | 0.001 | 1   | 0   | 0   | track    | 2
//  6  | unknown  | -1   | 0.5  | 7    | -1    | 0   | 0   | 0   | track    | 0
std::vector<Row> rows()
{
    using F = Field;
    const std::string nginx = "docker.io/library/nginx:1.25";
    std::vector<Row> r(7);
    r[0].num(F::Severity, 4).num(F::Cvss, 9.8).num(F::Risk, 9.5).num(F::Rank, 1);
    r[0].num(F::Epss, 0.97).num(F::Kev, 1).num(F::Fixable, 0).num(F::Exposed, 1);
    r[0].num(F::Decision, 3).num(F::Days, 40);
    r[0].txt(F::Image, nginx).txt(F::Vuln, "CVE-2024-0001").txt(F::Package, "openssl");
    r[0].txt(F::Version, "3.0.11").txt(F::Namespace, "prod web");

    r[1].num(F::Severity, 3).num(F::Cvss, 7.5).num(F::Risk, 7.0).num(F::Rank, 2);
    r[1].num(F::Epss, 0.5).num(F::Kev, 1).num(F::Fixable, 1).num(F::Exposed, 0);
    r[1].num(F::Decision, 2).num(F::Days, 10);
    r[1].txt(F::Image, "ghcr.io/acme/NGINX-proxy").txt(F::Vuln, "CVE-2024-0002");
    r[1].txt(F::Package, "libxml2").txt(F::Version, "2.9.14").txt(F::Namespace, "prod");

    r[2].num(F::Severity, 3).num(F::Cvss, 8.1).num(F::Risk, 6.2).num(F::Rank, 3);
    r[2].num(F::Epss, 0.02).num(F::Kev, 1).num(F::Fixable, 0).num(F::Exposed, 0);
    r[2].num(F::Decision, 1).num(F::Days, 5);
    r[2].txt(F::Image, nginx).txt(F::Vuln, "GHSA-jfh8-c2jp-5v3q").txt(F::Package, "zlib");
    r[2].txt(F::Version, "1.2.13").txt(F::Namespace, "");

    r[3].num(F::Severity, 2).num(F::Cvss, 5.3).num(F::Risk, 4.0).num(F::Rank, 4);
    r[3].num(F::Epss, -1).num(F::Kev, 0).num(F::Fixable, 1).num(F::Exposed, 1);
    r[3].num(F::Decision, 0).num(F::Days, 0);
    r[3].txt(F::Image, "quay.io/team/api").txt(F::Vuln, "CVE-2023-9999");
    r[3].txt(F::Package, "Log4j-Core").txt(F::Version, "2.14.1").txt(F::Namespace, "staging");

    r[4].num(F::Severity, 4).num(F::Cvss, -1).num(F::Risk, 8.8).num(F::Rank, 5);
    r[4].num(F::Epss, 0.31).num(F::Kev, 0).num(F::Fixable, 0).num(F::Exposed, 0);
    r[4].num(F::Decision, 3).num(F::Days, 100);
    r[4].txt(F::Image, "redis:7").txt(F::Vuln, "CVE-2022-1234");
    r[4].txt(F::Package, "it's \"quoted\" \\ pkg").txt(F::Version, "7.0.0");
    r[4].txt(F::Namespace, "prod");

    r[5].num(F::Severity, 1).num(F::Cvss, 3.1).num(F::Risk, 1.0).num(F::Rank, 6);
    r[5].num(F::Epss, 0.001).num(F::Kev, 1).num(F::Fixable, 0).num(F::Exposed, 0);
    r[5].num(F::Decision, 0).num(F::Days, 2);
    r[5].txt(F::Image, nginx).txt(F::Vuln, "CVE-2021-0005").txt(F::Package, "bash");
    r[5].txt(F::Version, "5.2").txt(F::Namespace, "prod");

    r[6].num(F::Severity, 0).num(F::Cvss, -1).num(F::Risk, 0.5).num(F::Rank, 7);
    r[6].num(F::Epss, -1).num(F::Kev, 0).num(F::Fixable, 0).num(F::Exposed, 0);
    r[6].num(F::Decision, 0).num(F::Days, 0);
    r[6].txt(F::Image, "alpine").txt(F::Vuln, "CVE-2020-0006").txt(F::Package, "busybox");
    r[6].txt(F::Version, "1.36.1").txt(F::Namespace, "");
    return r;
}

QByteArray joined(const std::vector<std::uint32_t> &list)
{
    QByteArray out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(list[i]);
    }
    return out;
}

std::vector<std::uint32_t> allRows(const RowSource &source)
{
    std::vector<std::uint32_t> order(source.rowCount());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    return order;
}

Filter parsed(const QByteArray &text)
{
    auto filter = Filter::parse(text.toStdString());
    if (!filter)
        qFatal("unexpected parse error for \"%s\": %s", text.constData(), filter.error().c_str());
    return *filter;
}

} // namespace

class TestFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue()
    {
        QCOMPARE(int(fieldInfos().size()), FieldCount);
        for (int i = 0; i < FieldCount; ++i) {
            QCOMPARE(int(fieldInfos()[i].field), i);
            QVERIFY(!fieldInfos()[i].description.empty());
        }
        QCOMPARE(fieldInfo(Field::Exposed).jsonName, std::string_view("internetExposed"));
        QCOMPARE(int(fieldInfo(Field::Decision).type), int(FieldType::Decision));
        QCOMPARE(int(fieldInfo(Field::Fix).type), int(FieldType::Text));
        QCOMPARE(int(fieldInfo(Field::Resolved).type), int(FieldType::Bool));
        QCOMPARE(int(fieldInfo(Field::Containers).type), int(FieldType::Number));
        // Name, JSON name and alias, any case.
        QCOMPARE(findField("SEVERITY"), &fieldInfo(Field::Severity));
        QCOMPARE(findField("runsAsRoot"), &fieldInfo(Field::Root));
        QCOMPARE(findField("RUNSASROOT"), &fieldInfo(Field::Root));
        QCOMPARE(findField("KnownExploited"), &fieldInfo(Field::Kev));
        QCOMPARE(findField("cve"), &fieldInfo(Field::Vuln));
        QCOMPARE(findField("id"), &fieldInfo(Field::Vuln));
        QCOMPARE(findField("overdue"), &fieldInfo(Field::Breached));
        QCOMPARE(findField("fixedVersions"), &fieldInfo(Field::Fix));
        QCOMPARE(findField("sevrity"), nullptr);
        QCOMPARE(findField(""), nullptr);
        QCOMPARE(suggestFieldName("sevrity"), std::string_view("severity"));
        QCOMPARE(suggestFieldName("foo"), std::string_view());
    }

    void evaluate_data()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<QByteArray>("expected"); // matching rows of rows()

        QTest::newRow("empty") << QByteArray("") << QByteArray("0,1,2,3,4,5,6");
        QTest::newRow("whitespace") << QByteArray(" \t\n ") << QByteArray("0,1,2,3,4,5,6");
        // Bool
        QTest::newRow("bare bool") << QByteArray("kev") << QByteArray("0,1,2,5");
        QTest::newRow("bool upper case") << QByteArray("KEV") << QByteArray("0,1,2,5");
        QTest::newRow("bool alias") << QByteArray("exploited") << QByteArray("0,1,2,5");
        QTest::newRow("bool = true") << QByteArray("kev = true") << QByteArray("0,1,2,5");
        QTest::newRow("bool == YES") << QByteArray("kev == YES") << QByteArray("0,1,2,5");
        QTest::newRow("bool = 1") << QByteArray("kev=1") << QByteArray("0,1,2,5");
        QTest::newRow("bool = false") << QByteArray("kev = false") << QByteArray("3,4,6");
        QTest::newRow("bool = no") << QByteArray("kev = no") << QByteArray("3,4,6");
        QTest::newRow("bool = 0") << QByteArray("kev = 0") << QByteArray("3,4,6");
        QTest::newRow("bool != true") << QByteArray("kev != true") << QByteArray("3,4,6");
        QTest::newRow("bool != 'false'") << QByteArray("kev != 'false'") << QByteArray("0,1,2,5");
        QTest::newRow("bool in both")
            << QByteArray("kev in (true, false)") << QByteArray("0,1,2,3,4,5,6");
        QTest::newRow("not bool") << QByteArray("not kev") << QByteArray("3,4,6");
        QTest::newRow("! bool") << QByteArray("!kev") << QByteArray("3,4,6");
        QTest::newRow("not not") << QByteArray("not not kev") << QByteArray("0,1,2,5");
        // Severity
        QTest::newRow("sev =") << QByteArray("severity = high") << QByteArray("1,2");
        QTest::newRow("sev == upper") << QByteArray("Severity == HIGH") << QByteArray("1,2");
        QTest::newRow("sev important") << QByteArray("severity = important") << QByteArray("1,2");
        QTest::newRow("sev !=") << QByteArray("severity != high") << QByteArray("0,3,4,5,6");
        QTest::newRow("sev >") << QByteArray("severity > high") << QByteArray("0,4");
        QTest::newRow("sev >=") << QByteArray("severity >= high") << QByteArray("0,1,2,4");
        QTest::newRow("sev <") << QByteArray("severity < medium") << QByteArray("5,6");
        QTest::newRow("sev <=") << QByteArray("severity <= medium") << QByteArray("3,5,6");
        QTest::newRow("sev moderate") << QByteArray("severity = moderate") << QByteArray("3");
        QTest::newRow("sev negligible") << QByteArray("severity = negligible") << QByteArray("5");
        QTest::newRow("sev none") << QByteArray("severity = none") << QByteArray("6");
        QTest::newRow("sev quoted") << QByteArray("severity = \"critical\"") << QByteArray("0,4");
        QTest::newRow("sev alias in")
            << QByteArray("sev in (critical, LOW)") << QByteArray("0,4,5");
        // Decision
        QTest::newRow("decision track*") << QByteArray("decision = track*") << QByteArray("2");
        QTest::newRow("decision track-star")
            << QByteArray("decision = \"Track-Star\"") << QByteArray("2");
        QTest::newRow("decision trackstar")
            << QByteArray("decision = trackstar") << QByteArray("2");
        QTest::newRow("decision >=") << QByteArray("decision >= attend") << QByteArray("0,1,4");
        QTest::newRow("decision <") << QByteArray("decision < track*") << QByteArray("3,5,6");
        QTest::newRow("ssvc alias") << QByteArray("ssvc = act") << QByteArray("0,4");
        QTest::newRow("decision !=") << QByteArray("decision != track") << QByteArray("0,1,2,4");
        // Number
        QTest::newRow("num >=") << QByteArray("cvss >= 7.5") << QByteArray("0,1,2");
        QTest::newRow("num <") << QByteArray("cvss < 0") << QByteArray("4,6");
        QTest::newRow("num = negative") << QByteArray("cvss = -1") << QByteArray("4,6");
        QTest::newRow("num != negative") << QByteArray("cvss != -1") << QByteArray("0,1,2,3,5");
        QTest::newRow("num > percent") << QByteArray("epss > 50%") << QByteArray("0");
        QTest::newRow("num >= percent") << QByteArray("epss >= 50%") << QByteArray("0,1");
        QTest::newRow("num leading dot") << QByteArray("epss >= .3") << QByteArray("0,1,4");
        QTest::newRow("num <=") << QByteArray("epss <= 0.02") << QByteArray("2,3,5,6");
        QTest::newRow("num in") << QByteArray("risk in (9.5, 1, 0.5)") << QByteArray("0,5,6");
        QTest::newRow("num alias >") << QByteArray("score > 7") << QByteArray("0,4");
        QTest::newRow("num no spaces") << QByteArray("rank<=2") << QByteArray("0,1");
        QTest::newRow("num json name") << QByteArray("exposureDays >= 10") << QByteArray("0,1,4");
        QTest::newRow("num quoted") << QByteArray("days = '100'") << QByteArray("4");
        // Text
        QTest::newRow("text = quoted") << QByteArray("image = \"redis:7\"") << QByteArray("4");
        QTest::newRow("text = bare any case") << QByteArray("image = REDIS:7") << QByteArray("4");
        QTest::newRow("text = path")
            << QByteArray("image = docker.io/library/nginx:1.25") << QByteArray("0,2,5");
        QTest::newRow("text !=") << QByteArray("image != docker.io/library/nginx:1.25")
                                 << QByteArray("1,3,4,6");
        QTest::newRow("text ~") << QByteArray("image ~ nginx") << QByteArray("0,1,2,5");
        QTest::newRow("text ~ upper") << QByteArray("image ~ NGINX") << QByteArray("0,1,2,5");
        QTest::newRow("text !~") << QByteArray("image !~ nginx") << QByteArray("3,4,6");
        QTest::newRow("text ~ empty") << QByteArray("image ~ ''") << QByteArray("0,1,2,3,4,5,6");
        QTest::newRow("text <") << QByteArray("package < c") << QByteArray("5,6");
        QTest::newRow("text >= any case")
            << QByteArray("package >= LOG4J-core") << QByteArray("0,2,3");
        QTest::newRow("text <=") << QByteArray("pkg <= busybox") << QByteArray("5,6");
        QTest::newRow("text >") << QByteArray("pkg > openssl") << QByteArray("2");
        QTest::newRow("single quotes escapes")
            << QByteArray("pkg = 'it\\'s \"quoted\" \\\\ pkg'") << QByteArray("4");
        QTest::newRow("double quotes escapes")
            << QByteArray("pkg = \"it's \\\"quoted\\\" \\\\ pkg\"") << QByteArray("4");
        QTest::newRow("numeric-looking text") << QByteArray("version = 1.2.13") << QByteArray("2");
        QTest::newRow("text ~ dot") << QByteArray("version ~ 2.") << QByteArray("1,2,3");
        QTest::newRow("cve alias ~") << QByteArray("cve ~ cve-2024") << QByteArray("0,1");
        QTest::newRow("text in") << QByteArray("id in (CVE-2022-1234, \"cve-2020-0006\")")
                                 << QByteArray("4,6");
        QTest::newRow("text = is exact") << QByteArray("ns = prod") << QByteArray("1,4,5");
        QTest::newRow("text ~ list") << QByteArray("ns ~ prod") << QByteArray("0,1,4,5");
        QTest::newRow("text = empty") << QByteArray("namespace = \"\"") << QByteArray("2,6");
        // Combinations and precedence: not > and > or.
        QTest::newRow("or") << QByteArray("exposed or fixable") << QByteArray("0,1,3");
        QTest::newRow("||") << QByteArray("exposed || fixable") << QByteArray("0,1,3");
        QTest::newRow("&&") << QByteArray("kev && fixable") << QByteArray("1");
        QTest::newRow("AND upper") << QByteArray("kev AND Exposed") << QByteArray("0");
        QTest::newRow("and binds tighter")
            << QByteArray("kev or exposed and fixable") << QByteArray("0,1,2,3,5");
        QTest::newRow("parentheses override")
            << QByteArray("(kev or exposed) and fixable") << QByteArray("1,3");
        QTest::newRow("not binds tighter than and")
            << QByteArray("not kev and exposed") << QByteArray("3");
        QTest::newRow("not of group")
            << QByteArray("not (kev and exposed)") << QByteArray("1,2,3,4,5,6");
        QTest::newRow("not binds tighter than or")
            << QByteArray("not kev or fixable") << QByteArray("1,3,4,6");
        QTest::newRow("! and ||") << QByteArray("!(severity >= high) || decision = act")
                                  << QByteArray("0,3,4,5,6");
        QTest::newRow("nested parens") << QByteArray("(((kev)))") << QByteArray("0,1,2,5");
        QTest::newRow("mixed group")
            << QByteArray("severity >= high and (image ~ redis or epss > 0.9)")
            << QByteArray("0,4");
        QTest::newRow("example")
            << QByteArray("severity >= high and kev and image ~ \"nginx\" and not fixable")
            << QByteArray("0,2");
        QTest::newRow("example upper case")
            << QByteArray("SEVERITY >= HIGH AND KEV AND IMAGE ~ \"NGINX\" AND NOT FIXABLE")
            << QByteArray("0,2");
        QTest::newRow("unicode whitespace") << QByteArray("kev\xc2\xa0"
                                                          "and\xe2\x80\x83 fixable")
                                            << QByteArray("1");
    }

    void evaluate()
    {
        QFETCH(QByteArray, filter);
        QFETCH(QByteArray, expected);
        const Filter f = parsed(filter);
        QCOMPARE(f.isEmpty(), filter.trimmed().isEmpty());
        for (auto keys : {TestRows::Keys::None, TestRows::Keys::Small, TestRows::Keys::Large}) {
            const TestRows source(rows(), keys);
            const std::vector<std::uint32_t> order = allRows(source);
            QCOMPARE(joined(f.select(source, order)), expected);
            std::vector<std::uint32_t> byMatches;
            for (std::uint32_t row : order) {
                if (f.matches(source, row))
                    byMatches.push_back(row);
            }
            QCOMPARE(joined(byMatches), expected);
        }
        // The normalised form means the same and is a fixed point.
        const Filter again = parsed(QByteArray::fromStdString(f.toString()));
        QCOMPARE(again.toString(), f.toString());
        const TestRows source(rows());
        QCOMPARE(joined(again.select(source, allRows(source))), expected);
    }

    void normalised_data()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray("  ") << QByteArray("");
        QTest::newRow("example")
            << QByteArray("severity >= high and kev and image ~ \"nginx\" and not fixable")
            << QByteArray("((severity >= high) and kev and (image ~ \"nginx\") and (not fixable))");
        QTest::newRow("precedence") << QByteArray("kev or exposed and fixable")
                                    << QByteArray("(kev or (exposed and fixable))");
        QTest::newRow("flattened") << QByteArray("kev and (exposed && fixable)")
                                   << QByteArray("(kev and exposed and fixable)");
        QTest::newRow("or flattened") << QByteArray("kev || (exposed or fixable)")
                                      << QByteArray("(kev or exposed or fixable)");
        QTest::newRow("not") << QByteArray("!kev") << QByteArray("(not kev)");
        QTest::newRow("bool false") << QByteArray("KEV = no") << QByteArray("(not kev)");
        QTest::newRow("bool != false") << QByteArray("kev != false") << QByteArray("kev");
        QTest::newRow("bool in") << QByteArray("kev in (1, 0)")
                                 << QByteArray("(kev in (false, true))");
        QTest::newRow("alias and ==")
            << QByteArray("Sev == important") << QByteArray("(severity = high)");
        QTest::newRow("percent") << QByteArray("epss > 50%") << QByteArray("(epss > 0.5)");
        QTest::newRow("negative") << QByteArray("cvss != -1") << QByteArray("(cvss != -1)");
        QTest::newRow("decision in")
            << QByteArray("ssvc in (trackstar, ACT)") << QByteArray("(decision in (track*, act))");
        QTest::newRow("text lower-cased")
            << QByteArray("image ~ NGINX") << QByteArray("(image ~ \"nginx\")");
        QTest::newRow("text escapes") << QByteArray("pkg = 'it\\'s \\\\ \"q\"'")
                                      << QByteArray("(package = \"it's \\\\ \\\"q\\\"\")");
        QTest::newRow("not group")
            << QByteArray("not (kev or exposed)") << QByteArray("(not (kev or exposed))");
    }

    void normalised()
    {
        QFETCH(QByteArray, filter);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(parsed(filter).toString()), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing value")
            << QByteArray("severity >= ")
            << QByteArray("column 13: expected a value after \">=\", found end of input");
        QTest::newRow("unknown field with hint")
            << QByteArray("sevrity = high")
            << QByteArray("column 1: unknown field \"sevrity\" (did you mean \"severity\"?)");
        QTest::newRow("unknown field transposed")
            << QByteArray("fixabel")
            << QByteArray("column 1: unknown field \"fixabel\" (did you mean \"fixable\"?)");
        QTest::newRow("unknown field no hint")
            << QByteArray("foo = 1") << QByteArray("column 1: unknown field \"foo\"");
        QTest::newRow("bad severity")
            << QByteArray("severity = bogus")
            << QByteArray(
                   "column 12: \"bogus\" is not a severity (critical, high, medium, low, unknown)");
        QTest::newRow("~ on number")
            << QByteArray("epss ~ 5")
            << QByteArray("column 6: \"~\" needs a text field; \"epss\" is a number");
        QTest::newRow("!~ on number no spaces")
            << QByteArray("epss!~5")
            << QByteArray("column 5: \"!~\" needs a text field; \"epss\" is a number");
        QTest::newRow("~ on severity")
            << QByteArray("sev ~ high")
            << QByteArray("column 5: \"~\" needs a text field; \"severity\" is a severity");
        QTest::newRow("~ on bool")
            << QByteArray("kev ~ x")
            << QByteArray("column 5: \"~\" needs a text field; \"kev\" is yes/no");
        QTest::newRow("ordering on bool")
            << QByteArray("kev <= 1")
            << QByteArray("column 5: \"<=\" does not apply to yes/no field \"kev\"; use \"kev\", "
                          "\"not kev\" or \"kev = false\"");
        QTest::newRow("bad bool")
            << QByteArray("kev = maybe")
            << QByteArray("column 7: \"maybe\" is not a yes/no value (true, false, yes, no, 1, 0)");
        QTest::newRow("bad number")
            << QByteArray("cvss > high")
            << QByteArray("column 8: expected a number for \"cvss\", found \"high\"");
        QTest::newRow("bad number string")
            << QByteArray("cvss > '7x'")
            << QByteArray("column 8: expected a number for \"cvss\", found the string \"7x\"");
        QTest::newRow("bad decision")
            << QByteArray("decision = later")
            << QByteArray("column 12: \"later\" is not a decision (act, attend, track*, track)");
        QTest::newRow("number field alone")
            << QByteArray("epss")
            << QByteArray("column 5: expected an operator (= != < <= > >= ~ !~ in) after "
                          "\"epss\", found end of input");
        QTest::newRow("dangling and") << QByteArray("kev and")
                                      << QByteArray("column 8: expected a field, \"not\" or \"(\" "
                                                    "after \"and\", found end of input");
        QTest::newRow("dangling not") << QByteArray("not")
                                      << QByteArray("column 4: expected a field, \"not\" or \"(\" "
                                                    "after \"not\", found end of input");
        QTest::newRow("unclosed paren")
            << QByteArray("(kev or fixable")
            << QByteArray(
                   "column 16: expected \")\" to close the \"(\" at column 1, found end of input");
        QTest::newRow("junk inside paren")
            << QByteArray("(kev fixable)")
            << QByteArray("column 6: expected \"and\", \"or\" or \")\", found \"fixable\"");
        QTest::newRow("extra close paren")
            << QByteArray("kev and (fixable or exposed))")
            << QByteArray("column 29: unexpected \")\" with no matching \"(\"");
        QTest::newRow("close paren")
            << QByteArray("image ~ nginx)")
            << QByteArray("column 14: unexpected \")\" with no matching \"(\"");
        QTest::newRow("two values")
            << QByteArray("kev nginx")
            << QByteArray("column 5: expected \"and\", \"or\" or end of input, found \"nginx\"");
        QTest::newRow("single &")
            << QByteArray("kev & fixable")
            << QByteArray("column 5: expected \"and\", \"or\" or end of input, found \"&\"");
        QTest::newRow("in without paren")
            << QByteArray("severity in high")
            << QByteArray("column 13: expected \"(\" after \"in\", found \"high\"");
        QTest::newRow("in without comma")
            << QByteArray("severity in (high critical)")
            << QByteArray("column 19: expected \",\" or \")\" after \"high\", found \"critical\"");
        QTest::newRow("in empty") << QByteArray("severity in ()")
                                  << QByteArray(
                                         "column 14: expected a value after \"(\", found \")\"");
        QTest::newRow("in unclosed")
            << QByteArray("severity in (high,")
            << QByteArray("column 19: expected a value after \",\", found end of input");
        QTest::newRow("starts with operator")
            << QByteArray("= high")
            << QByteArray("column 1: expected a field, \"not\" or \"(\", found \"=\"");
        QTest::newRow("starts with number")
            << QByteArray("5 > cvss")
            << QByteArray("column 1: expected a field, \"not\" or \"(\", found \"5\"");
        QTest::newRow("value is a paren")
            << QByteArray("image ~ (nginx)")
            << QByteArray("column 9: expected a value after \"~\", found \"(\"");
        QTest::newRow("keyword as field")
            << QByteArray("kev and or fixable")
            << QByteArray(
                   "column 9: expected a field, \"not\" or \"(\" after \"and\", found \"or\"");
        QTest::newRow("unterminated string")
            << QByteArray("image ~ \"nginx")
            << QByteArray(
                   "column 9: unterminated string: expected a closing \" before end of input");
        QTest::newRow("unterminated single")
            << QByteArray("kev = 'yes")
            << QByteArray(
                   "column 7: unterminated string: expected a closing ' before end of input");
        QTest::newRow("trailing backslash")
            << QByteArray("image ~ 'ab\\")
            << QByteArray(
                   "column 9: unterminated string: expected a closing ' before end of input");
        QTest::newRow("unknown escape")
            << QByteArray("image ~ \"ng\\x\"")
            << QByteArray("column 12: unknown escape \"\\x\" in a string; use \\\" \\' or \\\\");
        // Columns count characters, not bytes: "ü" is two bytes.
        QTest::newRow("utf-8 columns")
            << QByteArray("image ~ \"\xc3\xbc\" and sevrity > 1")
            << QByteArray("column 17: unknown field \"sevrity\" (did you mean \"severity\"?)");
        QTest::newRow("too deep")
            << (QByteArray(300, '(') + "kev" + QByteArray(300, ')'))
            << QByteArray("column 201: the filter is nested too deeply (more than 200 levels)");
    }

    void errors()
    {
        QFETCH(QByteArray, filter);
        QFETCH(QByteArray, message);
        const auto result = Filter::parse(filter.toStdString());
        QVERIFY2(!result, filter.constData());
        QCOMPARE(QByteArray::fromStdString(result.error()), message);
    }

    void selectKeepsOrder()
    {
        const TestRows source(rows());
        const std::vector<std::uint32_t> reversed = {6, 5, 4, 3, 2, 1, 0};
        QCOMPARE(joined(parsed("kev").select(source, reversed)), QByteArray("5,2,1,0"));
        QCOMPARE(joined(parsed("exposed or fixable").select(source, reversed)),
                 QByteArray("3,1,0"));
        // A subset, with repeats: every entry is kept or dropped on its own.
        const std::vector<std::uint32_t> some = {2, 2, 0, 3, 1};
        QCOMPARE(joined(parsed("kev").select(source, some)), QByteArray("2,2,0,1"));
        QCOMPARE(joined(parsed("not kev").select(source, some)), QByteArray("3"));
        QCOMPARE(joined(parsed("fixable or exposed").select(source, some)), QByteArray("0,3,1"));
        QCOMPARE(joined(parsed("not (fixable or exposed)").select(source, some)),
                 QByteArray("2,2"));
        QCOMPARE(joined(parsed("").select(source, some)), QByteArray("2,2,0,3,1"));
        QCOMPARE(joined(parsed("kev").select(source, {})), QByteArray(""));
        QCOMPARE(joined(Filter().select(source, reversed)), QByteArray("6,5,4,3,2,1,0"));
        QVERIFY(Filter().isEmpty());
        QVERIFY(Filter().matches(source, 3));
        QCOMPARE(Filter().toString(), std::string());
    }

    void selectMemoisesTextPerKey()
    {
        const Filter f = parsed("image ~ nginx and package != zlib");
        // Five distinct images among seven rows; rows 0, 2 and 5 share one.
        TestRows unkeyed(rows(), TestRows::Keys::None);
        QCOMPARE(joined(f.select(unkeyed, allRows(unkeyed))), QByteArray("0,1,5"));
        QCOMPARE(unkeyed.textCalls(Field::Image), 7);
        QCOMPARE(unkeyed.textCalls(Field::Package), 4); // only rows 0, 1, 2, 5 get that far

        for (auto keys : {TestRows::Keys::Small, TestRows::Keys::Large}) {
            TestRows keyed(rows(), keys);
            QCOMPARE(joined(f.select(keyed, allRows(keyed))), QByteArray("0,1,5"));
            QCOMPARE(keyed.textCalls(Field::Image), 5);
            QCOMPARE(keyed.textCalls(Field::Package), 4); // four distinct packages
            // A second select starts afresh (no state kept in the filter) and agrees.
            keyed.resetCalls();
            const std::vector<std::uint32_t> order = {5, 4, 2, 0};
            QCOMPARE(joined(f.select(keyed, order)), QByteArray("5,0"));
            QCOMPARE(keyed.textCalls(Field::Image), 2); // rows 5 and 4; 2 and 0 share 5's key
            // Memoised outcomes differ per key: redis and nginx rows still disagree.
            QCOMPARE(joined(parsed("image !~ nginx").select(keyed, order)), QByteArray("4"));
        }
    }

    void parseSort_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QByteArray>("expected"); // field:asc|desc, comma separated
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
        QTest::newRow("blank") << QByteArray("  ") << QByteArray("");
        QTest::newRow("number") << QByteArray("risk") << QByteArray("risk:desc");
        QTest::newRow("rank") << QByteArray("rank") << QByteArray("rank:asc");
        QTest::newRow("-rank") << QByteArray("-rank") << QByteArray("rank:desc");
        QTest::newRow("bool") << QByteArray("kev") << QByteArray("kev:desc");
        QTest::newRow("severity") << QByteArray("severity") << QByteArray("severity:desc");
        QTest::newRow("decision") << QByteArray("ssvc") << QByteArray("decision:desc");
        QTest::newRow("text") << QByteArray("image") << QByteArray("image:asc");
        QTest::newRow("-text") << QByteArray("-image") << QByteArray("image:desc");
        QTest::newRow("suffix") << QByteArray("image:desc") << QByteArray("image:desc");
        QTest::newRow("suffix beats -") << QByteArray("-risk:asc") << QByteArray("risk:asc");
        QTest::newRow("suffix upper") << QByteArray("RISK:ASC") << QByteArray("risk:asc");
        QTest::newRow("json name") << QByteArray("effectiveCvss") << QByteArray("cvss:desc");
        QTest::newRow("list") << QByteArray("severity, -epss, image")
                              << QByteArray("severity:desc,epss:asc,image:asc");
        QTest::newRow("spaces") << QByteArray("  score ,  ns : desc ")
                                << QByteArray("risk:desc,namespace:desc");
    }

    void parseSort()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QByteArray, expected);
        const auto keys = risk::parseSort(spec.toStdString());
        QVERIFY2(keys.hasValue(), keys ? "" : keys.error().c_str());
        QByteArray actual;
        for (const SortKey &key : *keys) {
            if (!actual.isEmpty())
                actual += ',';
            actual += QByteArray::fromStdString(std::string(fieldInfo(key.field).name)) +
                      (key.descending ? ":desc" : ":asc");
        }
        QCOMPARE(actual, expected);
    }

    void sortErrors_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("trailing comma")
            << QByteArray("risk,")
            << QByteArray("column 6: expected a field name after \",\", found end of input");
        QTest::newRow("double comma")
            << QByteArray("risk,,cvss")
            << QByteArray("column 6: expected a field name after \",\", found \",\"");
        QTest::newRow("lone -")
            << QByteArray("-")
            << QByteArray("column 2: expected a field name after \"-\", found end of input");
        QTest::newRow("junk") << QByteArray("#risk")
                              << QByteArray("column 1: expected a field name, found \"#\"");
        QTest::newRow("unknown")
            << QByteArray("cvss, riks")
            << QByteArray("column 7: unknown field \"riks\" (did you mean \"risk\"?)");
        QTest::newRow("missing comma")
            << QByteArray("cvss epss")
            << QByteArray("column 6: expected \",\" or end of input, found \"epss\"");
        QTest::newRow("bad direction")
            << QByteArray("risk:up")
            << QByteArray("column 6: expected \"asc\" or \"desc\" after \":\", found \"up\"");
        QTest::newRow("missing direction")
            << QByteArray("risk:")
            << QByteArray("column 6: expected \"asc\" or \"desc\" after \":\", found end of input");
        QTest::newRow("utf-8 column")
            << QByteArray("\xc3\xbc")
            << QByteArray("column 1: expected a field name, found \"\xc3\xbc\"");
        QTest::newRow("utf-8 later column")
            << QByteArray("image \xc3\xbc x")
            << QByteArray("column 7: expected \",\" or end of input, found \"\xc3\xbc\"");
    }

    void sortErrors()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QByteArray, message);
        const auto keys = risk::parseSort(spec.toStdString());
        QVERIFY2(!keys, spec.constData());
        QCOMPARE(QByteArray::fromStdString(keys.error()), message);
    }

    void sortRows_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QByteArray>("order");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray all("0,1,2,3,4,5,6");
        QTest::newRow("no keys") << QByteArray("") << QByteArray("3,1,2") << QByteArray("3,1,2");
        QTest::newRow("risk") << QByteArray("risk") << all << QByteArray("0,4,1,2,3,5,6");
        QTest::newRow("risk asc") << QByteArray("-risk") << all << QByteArray("6,5,3,2,1,4,0");
        QTest::newRow("rank") << QByteArray("rank") << QByteArray("6,2,4,0,1,3,5") << all;
        QTest::newRow("-rank") << QByteArray("-rank") << all << QByteArray("6,5,4,3,2,1,0");
        // cvss -1 on rows 4 and 6: ties keep the incoming order.
        QTest::newRow("ties stable") << QByteArray("cvss") << all << QByteArray("0,2,1,3,5,4,6");
        QTest::newRow("ties stable reversed")
            << QByteArray("cvss") << QByteArray("6,5,4,3,2,1,0") << QByteArray("0,2,1,3,5,6,4");
        QTest::newRow("severity") << QByteArray("severity") << all << QByteArray("0,4,1,2,3,5,6");
        QTest::newRow("severity reversed input")
            << QByteArray("severity") << QByteArray("6,5,4,3,2,1,0") << QByteArray("4,0,2,1,3,5,6");
        QTest::newRow("two keys") << QByteArray("severity, -epss") << all
                                  << QByteArray("4,0,2,1,3,5,6");
        QTest::newRow("bool then rank desc")
            << QByteArray("kev, -rank") << all << QByteArray("5,2,1,0,6,4,3");
        QTest::newRow("decision then risk")
            << QByteArray("decision, risk:asc") << all << QByteArray("4,0,1,2,6,5,3");
        QTest::newRow("text") << QByteArray("image") << all << QByteArray("6,0,2,5,1,3,4");
        QTest::newRow("text desc") << QByteArray("-image") << all << QByteArray("4,3,1,0,2,5,6");
        QTest::newRow("text case-insensitive")
            << QByteArray("package") << all << QByteArray("5,6,4,1,3,0,2");
        QTest::newRow("text then number")
            << QByteArray("image, risk") << all << QByteArray("6,0,2,5,1,3,4");
        QTest::newRow("text then number asc")
            << QByteArray("image, risk:asc") << all << QByteArray("6,5,2,0,1,3,4");
        QTest::newRow("subset") << QByteArray("risk") << QByteArray("3,1,5") << QByteArray("1,3,5");
        QTest::newRow("repeats") << QByteArray("risk") << QByteArray("2,0,2")
                                 << QByteArray("0,2,2");
    }

    void sortRows()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QByteArray, order);
        QFETCH(QByteArray, expected);
        const auto keys = risk::parseSort(spec.toStdString());
        QVERIFY(keys.hasValue());
        std::vector<std::uint32_t> incoming;
        for (const QByteArray &part : order.split(','))
            incoming.push_back(part.toUInt());
        for (auto mode : {TestRows::Keys::None, TestRows::Keys::Small, TestRows::Keys::Large}) {
            const TestRows source(rows(), mode);
            QCOMPARE(joined(risk::sortRows(source, incoming, *keys)), expected);
        }
    }

    void sortNaNLast()
    {
        std::vector<Row> r(4);
        r[0].num(Field::Epss, 0.5);
        r[1].num(Field::Epss, std::numeric_limits<double>::quiet_NaN());
        r[2].num(Field::Epss, 0.9);
        r[3].num(Field::Epss, -0.0);
        const TestRows source(r);
        const std::vector<SortKey> desc = {{Field::Epss, true}};
        const std::vector<SortKey> asc = {{Field::Epss, false}};
        QCOMPARE(joined(risk::sortRows(source, {0, 1, 2, 3}, desc)), QByteArray("2,0,3,1"));
        QCOMPARE(joined(risk::sortRows(source, {0, 1, 2, 3}, asc)), QByteArray("3,0,2,1"));
    }

    void sortByKey()
    {
        // Narrow keys (packed sort), ties in incoming order both ways.
        const std::vector<std::uint64_t> narrow = {5, 1, 5, 0, 1};
        QCOMPARE(joined(risk::sortByKey({0, 1, 2, 3, 4}, narrow, false)), QByteArray("3,1,4,0,2"));
        QCOMPARE(joined(risk::sortByKey({4, 3, 2, 1, 0}, narrow, false)), QByteArray("3,4,1,2,0"));
        QCOMPARE(joined(risk::sortByKey({0, 1, 2, 3, 4}, narrow, true)), QByteArray("0,2,1,4,3"));
        // A subset of the rows, and keys spreading over more than 32 bits (pair sort).
        const std::uint64_t big = std::uint64_t(1) << 40;
        const std::vector<std::uint64_t> wide = {big, 0, big | 1, 5, ~std::uint64_t(0)};
        QCOMPARE(joined(risk::sortByKey({0, 1, 2, 3, 4}, wide, false)), QByteArray("1,3,0,2,4"));
        QCOMPARE(joined(risk::sortByKey({2, 0, 4}, wide, true)), QByteArray("4,2,0"));
        // Keys differing only above bit 32 (nothing in the low word to sort by).
        const std::vector<std::uint64_t> high = {3 * big, big, 2 * big};
        QCOMPARE(joined(risk::sortByKey({0, 1, 2}, high, false)), QByteArray("1,2,0"));
    }
};

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
