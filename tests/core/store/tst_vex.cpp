// SPDX-License-Identifier: GPL-3.0-or-later
// VEX in and out (issue 8): package URLs, reading OpenVEX and CycloneDX VEX (and refusing
// bad documents with the place named), matching statements against a workspace with the
// reason for every statement that matches nothing, and OpenVEX export → import.

#include "ingest/reader.h"
#include "ingest/vex.h"
#include "model/purl.h"
#include "risk/facts.h"
#include "store/decisions.h"
#include "store/vexmatch.h"
#include "store/workspace.h"
#include "synthetic.h"
#include "vexdocs.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <set>

using namespace patchwise;
using synthetic::read;

namespace {

std::string join(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : " | ") + item;
    return out;
}

// A decision's identity and content, for comparing lists.
std::string describe(const store::Decision &d)
{
    return std::string(model::decisionScopeName(d.scope)) + "|" + d.scopeKey + "|" +
           d.vulnerability + "|" + d.package + "|" + d.version + "|" +
           std::string(model::triageStateName(d.state)) + "|" + d.justification + "|" + d.reason +
           "|" + d.note + "|" + d.owner + "|" + std::to_string(d.expires);
}

std::vector<std::string> describeAll(const std::vector<store::Decision> &decisions)
{
    std::vector<std::string> out;
    for (const store::Decision &d : decisions)
        out.push_back(describe(d));
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestVex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void purls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("names");
        QTest::newRow("maven")
            << QStringLiteral(
                   "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar")
            << QStringLiteral("maven") << QStringLiteral("com.fasterxml.jackson.core")
            << QStringLiteral("jackson-databind") << QStringLiteral("2.10.0")
            << QStringLiteral("com.fasterxml.jackson.core:jackson-databind,jackson-databind");
        QTest::newRow("npm scope")
            << QStringLiteral("pkg:npm/%40angular/core@16.0.0") << QStringLiteral("npm")
            << QStringLiteral("@angular") << QStringLiteral("core") << QStringLiteral("16.0.0")
            << QStringLiteral("@angular/core,core");
        QTest::newRow("deb epoch")
            << QStringLiteral("pkg:deb/debian/libssl3@1%3A3.0.11-1~deb12u2?arch=amd64")
            << QStringLiteral("deb") << QStringLiteral("debian") << QStringLiteral("libssl3")
            << QStringLiteral("1:3.0.11-1~deb12u2") << QStringLiteral("libssl3");
        QTest::newRow("oci digest")
            << QStringLiteral("pkg:oci/nginx@sha256%3Aabc?repository_url=docker.io/library/nginx")
            << QStringLiteral("oci") << QStringLiteral("") << QStringLiteral("nginx")
            << QStringLiteral("sha256:abc") << QStringLiteral("nginx");
        QTest::newRow("golang") << QStringLiteral("pkg:golang/golang.org/x/net@v0.17.0")
                                << QStringLiteral("golang") << QStringLiteral("golang.org/x")
                                << QStringLiteral("net") << QStringLiteral("v0.17.0")
                                << QStringLiteral("golang.org/x/net,net");
        QTest::newRow("pypi") << QStringLiteral("PKG:PyPI/Django_Rest.Framework@3.0")
                              << QStringLiteral("pypi") << QStringLiteral("")
                              << QStringLiteral("Django_Rest.Framework") << QStringLiteral("3.0")
                              << QStringLiteral("Django_Rest.Framework,django-rest-framework");
    }
    void purls()
    {
        QFETCH(QString, text);
        QFETCH(QString, type);
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QString, names);
        const auto purl = model::parsePurl(text.toStdString());
        QVERIFY(purl);
        QCOMPARE(QString::fromStdString(purl->type), type);
        QCOMPARE(QString::fromStdString(purl->namespace_), ns);
        QCOMPARE(QString::fromStdString(purl->name), name);
        QCOMPARE(QString::fromStdString(purl->version), version);
        QStringList got;
        for (const std::string &n : model::purlPackageNames(*purl))
            got << QString::fromStdString(n);
        QCOMPARE(got.join(u','), names);
        // The canonical text reads back as the same purl.
        const auto again = model::parsePurl(purl->toString());
        QVERIFY(again);
        QCOMPARE(again->toString(), purl->toString());
        QCOMPARE(again->version, purl->version);
        QCOMPARE(again->namespace_, purl->namespace_);
        QCOMPARE(again->qualifiers, purl->qualifiers);
    }

    void notPurls()
    {
        for (const char *text : {"",
                                 "pkg:",
                                 "pkg:deb",
                                 "pkg:/name",
                                 "cpe:2.3:a:x:y:1",
                                 "https://example.com/pkg:deb/x",
                                 "pkg:deb/"})
            QVERIFY2(!model::parsePurl(text), text);
    }

    void readsOpenVex()
    {
        const auto doc = ingest::readVexBytes("team.vex.json", kOpenVex);
        QVERIFY2(doc, doc ? "" : doc.error().c_str());
        QCOMPARE(doc->format, ingest::VexFormat::OpenVex);
        QCOMPARE(doc->id, std::string("https://example.com/vex/1"));
        QCOMPARE(doc->author, std::string("Security Team"));
        QCOMPARE(doc->statements.size(), std::size_t(7));
        const ingest::VexStatement &first = doc->statements[0];
        QCOMPARE(first.where, std::string("statements[0]"));
        QCOMPARE(first.state, model::TriageState::NotAffected);
        QCOMPARE(first.justification, std::string("vulnerable_code_not_in_execute_path"));
        QCOMPARE(first.impact, std::string("The TLS code path is never used."));
        QCOMPARE(first.products.at(0).id, std::string("pkg:deb/debian/openssl@3.0.1?arch=amd64"));
        QCOMPARE(doc->statements[3].aliases, std::vector<std::string>{"CVE-2025-0003"});
        QCOMPARE(doc->statements[3].state, model::TriageState::Exploitable);
        QCOMPARE(doc->statements[4].products.at(0).subcomponents,
                 std::vector<std::string>{"pkg:deb/debian/zlib"});
        QCOMPARE(doc->statements[4].state, model::TriageState::InTriage);
    }

    // OpenVEX v0.0.x: the vulnerability and the products are plain strings.
    void readsOldOpenVex()
    {
        const auto doc = ingest::readVexBytes("old.json", kDoc0);
        QVERIFY2(doc, doc ? "" : doc.error().c_str());
        QCOMPARE(doc->statements.at(0).vulnerability, std::string("CVE-2023-1"));
        QCOMPARE(doc->statements.at(0).products.at(0).id,
                 std::string("pkg:apk/alpine/busybox@1.36"));
        QCOMPARE(doc->statements.at(0).products.at(0).subcomponents.size(), std::size_t(1));
        QCOMPARE(doc->statements.at(0).state, model::TriageState::Fixed);
    }

    // The CycloneDX VEX sample of the shared fixtures: one not_affected statement whose
    // affects ref is a BOM-link to a Maven purl.
    void readsCycloneDxFixture()
    {
        const QString path = QDir(QStringLiteral(PATCHWISE_FIXTURES_DIR))
                                 .filePath(QStringLiteral("cyclonedx/heimdall2--vex.json"));
        if (!QFile::exists(path))
            QSKIP("shared/fixtures is not available");
        const auto doc = ingest::readVexFile(path.toStdString());
        QVERIFY2(doc, doc ? "" : doc.error().c_str());
        QCOMPARE(doc->format, ingest::VexFormat::CycloneDx);
        QCOMPARE(doc->statements.size(), std::size_t(1));
        const ingest::VexStatement &s = doc->statements[0];
        QCOMPARE(s.vulnerability, std::string("CVE-2020-25649"));
        QCOMPARE(s.state, model::TriageState::NotAffected);
        QCOMPARE(s.justification, std::string("code_not_reachable"));
        QCOMPARE(s.action, std::string("will_not_fix, update"));
        QVERIFY(s.impact.starts_with("Automated dataflow analysis"));
        QCOMPARE(s.aliases, std::vector<std::string>{"SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302"});
        QCOMPARE(s.products.size(), std::size_t(1));
        QCOMPARE(
            s.products[0].id,
            std::string("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar"));
    }

    void refusesBadDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\"@context\": \"https://openvex.dev/ns/v0.2.0\",\n"
                                              "\"statements\": [}")
                                << QStringLiteral("bad.json: invalid JSON: line 2");
        QTest::newRow("not vex") << QByteArray(kDoc1)
                                 << QStringLiteral("bad.json: not a VEX document");
        QTest::newRow("status")
            << QByteArray(kDoc2)
            << QStringLiteral(
                   "bad.json: OpenVEX, at statements[1].status: unknown status \"broken\"");
        QTest::newRow("justification")
            << QByteArray(kDoc3)
            << QStringLiteral(
                   "bad.json: OpenVEX, at statements[0].justification: unknown justification");
        QTest::newRow("type") << QByteArray(kDoc4)
                              << QStringLiteral("bad.json: OpenVEX, at statements[0].products[0]");
        QTest::newRow("no vulnerability")
            << QByteArray(kDoc5) << QStringLiteral("bad.json: OpenVEX, at statements[0]");
        QTest::newRow("bom without vex")
            << QByteArray(kDoc6)
            << QStringLiteral("bad.json: CycloneDX VEX, at (document root): a CycloneDX BOM "
                              "without VEX statements");
        QTest::newRow("cdx state")
            << QByteArray(kDoc7)
            << QStringLiteral("bad.json: CycloneDX VEX, at vulnerabilities[0].analysis.state: "
                              "unknown state \"meh\"");
    }
    void refusesBadDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto doc = ingest::readVexBytes("bad.json", json.toStdString());
        QVERIFY(!doc);
        QVERIFY2(QString::fromStdString(doc.error()).startsWith(expected), doc.error().c_str());
    }

    // Statements against a workspace of two images: what each matches, or why nothing.
    void matchesWithReasons()
    {
        QTemporaryDir dir;
        auto ws = store::Workspace::open(
            QDir(dir.path()).filePath(QStringLiteral("ws.db")).toStdString());
        QVERIFY(ws);
        synthetic::Vuln a(QStringLiteral("CVE-2025-0001"));
        synthetic::Vuln b(QStringLiteral("CVE-2025-0002"));
        synthetic::Vuln c(QStringLiteral("CVE-2025-0003"));
        c.package = QStringLiteral("curl");
        c.version = QStringLiteral("7.88.1");
        QVERIFY((*ws)->import(
            {read("s1.json",
                  synthetic::trivyReport(1, QStringLiteral("2025-05-01T00:00:00Z"), {a, b})),
             read("s2.json",
                  synthetic::trivyReport(2, QStringLiteral("2025-05-01T00:00:00Z"), {a, c}))},
            {}));
        const auto facts = (*ws)->loadFacts(1750000000);
        QVERIFY(facts);
        const auto images = (*ws)->imageLayers();
        QVERIFY(images);
        const auto doc = ingest::readVexBytes("team.vex.json", kOpenVex);
        QVERIFY(doc);
        const auto matches = store::matchVex(*doc, *facts, *images, {"me", "team.vex.json"});
        QCOMPARE(matches.size(), std::size_t(7));
        const auto findingsOf = [&](std::size_t s) { return matches[s].findings.size(); };

        // 0: openssl 3.0.1 in both images, fleet-wide and pinned to 3.0.1.
        QCOMPARE(findingsOf(0), std::size_t(2));
        QCOMPARE(matches[0].decisions.size(), std::size_t(1));
        QCOMPARE(matches[0].decisions[0].scope, model::DecisionScope::Fleet);
        QCOMPARE(matches[0].decisions[0].package, std::string("openssl"));
        QCOMPARE(matches[0].decisions[0].version, std::string("3.0.1"));
        QCOMPARE(matches[0].decisions[0].state, model::TriageState::NotAffected);
        QCOMPARE(matches[0].decisions[0].reason, std::string("The TLS code path is never used."));
        QCOMPARE(matches[0].decisions[0].owner, std::string("Security Team"));
        QCOMPARE(matches[0].decisions[0].note,
                 std::string("VEX https://example.com/vex/1 statements[0]"));
        QVERIFY(matches[0].problems.empty());

        // 1: the version differs — nothing now, and the reason says which versions exist.
        QCOMPARE(findingsOf(1), std::size_t(0));
        QVERIFY2(join(matches[1].problems).find("openssl carries CVE-2025-0002 at version 3.0.1") !=
                         std::string::npos &&
                     join(matches[1].problems).find("about version 9.9.9") != std::string::npos,
                 join(matches[1].problems).c_str());
        QCOMPARE(matches[1].decisions.at(0).version, std::string("9.9.9")); // kept for later

        // 2: a vulnerability the workspace does not have.
        QCOMPARE(findingsOf(2), std::size_t(0));
        QVERIFY2(join(matches[2].problems).find("CVE-2030-9999 is not reported in the workspace") !=
                     std::string::npos,
                 join(matches[2].problems).c_str());

        // 3: by alias, every tag of app2's repository, every package with it.
        QCOMPARE(findingsOf(3), std::size_t(1));
        QCOMPARE(matches[3].decisions.size(), std::size_t(1));
        QCOMPARE(matches[3].decisions[0].scope, model::DecisionScope::Repository);
        QCOMPARE(matches[3].decisions[0].scopeKey, std::string("registry.example/app2"));
        QCOMPARE(matches[3].decisions[0].vulnerability, std::string("CVE-2025-0003"));
        QCOMPARE(matches[3].decisions[0].package, std::string("curl"));
        QCOMPARE(matches[3].decisions[0].reason, std::string("Upgrade next sprint"));

        // 4: an image digest the workspace does not have.
        QCOMPARE(findingsOf(4), std::size_t(0));
        QVERIFY2(join(matches[4].problems)
                         .find("no image in the workspace has digest sha256:deadbeef") !=
                     std::string::npos,
                 join(matches[4].problems).c_str());

        // 5: not a purl: cannot be expressed, nothing to import.
        QVERIFY(matches[5].decisions.empty());
        QVERIFY2(join(matches[5].problems).find("is not a package URL") != std::string::npos,
                 join(matches[5].problems).c_str());

        // 6: the vulnerability is there but in another package: the packages are listed.
        QCOMPARE(findingsOf(6), std::size_t(0));
        QVERIFY2(join(matches[6].problems).find("in openssl 3.0.1 — none is pkg:deb/debian/curl") !=
                     std::string::npos,
                 join(matches[6].problems).c_str());

        // A digest product that matches: the image's own identity keys the decision.
        const auto byDigest = ingest::readVexBytes(
            "d.json",
            QString::fromUtf8(kDoc8)
                .arg(QString(synthetic::digestOf(501)).replace(u':', QStringLiteral("%3A")))
                .toStdString());
        QVERIFY2(byDigest, byDigest ? "" : byDigest.error().c_str());
        const auto m = store::matchVex(*byDigest, *facts, *images, {"me", "d.json"});
        QCOMPARE(m.at(0).findings.size(), std::size_t(1)); // app1 only, by its repo digest
        QCOMPARE(m[0].decisions.at(0).scope, model::DecisionScope::Digest);
        QCOMPARE(m[0].decisions[0].scopeKey, synthetic::digestOf(1).toStdString());
        QCOMPARE(facts->images[facts->image[m[0].findings[0]]].digest,
                 synthetic::digestOf(1).toStdString());
    }

    // Decisions → OpenVEX → decisions: exactly the same with Patchwise's own member; without
    // it (what another tool reads), decisions that cover the same findings.
    void exportImportRoundTrips()
    {
        QTemporaryDir dir;
        auto ws = store::Workspace::open(
            QDir(dir.path()).filePath(QStringLiteral("ws.db")).toStdString());
        QVERIFY(ws);
        synthetic::Vuln a(QStringLiteral("CVE-2025-0001"));
        synthetic::Vuln c(QStringLiteral("CVE-2025-0003"));
        c.package = QStringLiteral("curl");
        c.version = QStringLiteral("7.88.1");
        QVERIFY((*ws)->import(
            {read("s1.json",
                  synthetic::trivyReport(1, QStringLiteral("2025-05-01T00:00:00Z"), {a, c})),
             read("s2.json",
                  synthetic::trivyReport(2, QStringLiteral("2025-05-01T00:00:00Z"), {a, c}))},
            {}));
        auto facts = (*ws)->loadFacts(1750000000);
        QVERIFY(facts);
        std::vector<store::Decision> made;
        store::Decision pattern;
        pattern.reason = "reachable only from the admin port, <b>\"quoted\"</b>";
        pattern.owner = "ana";
        pattern.scope = model::DecisionScope::Digest;
        pattern.state = model::TriageState::NotAffected;
        pattern.justification = "code_not_reachable";
        const auto findingOf = [&](std::string_view image, std::string_view package) {
            for (std::uint32_t f = 0; f < facts->size(); ++f)
                if (facts->images[facts->image[f]].name.find(image) != std::string::npos &&
                    facts->strings[facts->package[f]] == package)
                    return f;
            qFatal("no such finding");
        };
        const std::vector<std::uint32_t> first{findingOf("app1", "openssl")};
        auto d = store::decisionsForFindings(*facts, first, pattern);
        made.insert(made.end(), d.begin(), d.end());
        pattern.scope = model::DecisionScope::Repository;
        pattern.state = model::TriageState::RiskAccepted;
        pattern.justification.clear();
        pattern.expires = 1790000000;
        const std::vector<std::uint32_t> second{findingOf("app2", "openssl")};
        d = store::decisionsForFindings(*facts, second, pattern);
        made.insert(made.end(), d.begin(), d.end());
        pattern.scope = model::DecisionScope::Fleet;
        pattern.state = model::TriageState::FalsePositive;
        pattern.expires = 0;
        pattern.version = "7.88.1";
        std::vector<std::uint32_t> curl;
        for (std::uint32_t f = 0; f < facts->size(); ++f)
            if (facts->strings[facts->package[f]] == "curl")
                curl.push_back(f);
        d = store::decisionsForFindings(*facts, curl, pattern);
        made.insert(made.end(), d.begin(), d.end());
        QCOMPARE(made.size(), std::size_t(3));
        QVERIFY(*(*ws)->recordDecisions(made, "ana", 1750000000) == 3);
        const auto stored = (*ws)->decisions();
        facts = (*ws)->loadFacts(1750000000);
        std::vector<std::uint8_t> decided = facts->triage;
        QVERIFY(!decided.empty());

        const auto purls = (*ws)->packagePurls({"openssl", "curl"});
        QVERIFY(purls);
        const std::string vex =
            store::openVexDocument(*stored, *facts, *purls, {"ana", "", 1750000000, "test"});
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(vex), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, vex.c_str());
        QCOMPARE(json[QLatin1String("@context")].toString(),
                 QStringLiteral("https://openvex.dev/ns/v0.2.0"));
        QVERIFY(json[QLatin1String("@id")].toString().startsWith(QStringLiteral("urn:uuid:")));
        const QJsonArray statements = json[QLatin1String("statements")].toArray();
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements[0][QLatin1String("status")].toString(), QStringLiteral("not_affected"));
        QCOMPARE(statements[0][QLatin1String("justification")].toString(),
                 QStringLiteral("vulnerable_code_not_in_execute_path"));
        QVERIFY(
            statements[0][QLatin1String("products")][0][QLatin1String("@id")].toString().startsWith(
                QStringLiteral("pkg:oci/app1@sha256%3A")));
        QCOMPARE(statements[1][QLatin1String("status")].toString(), QStringLiteral("affected"));
        QVERIFY(statements[1][QLatin1String("action_statement")].toString().startsWith(
            QStringLiteral("Risk accepted until 2026-09-21: ")));
        QCOMPARE(statements[1][QLatin1String("products")][0][QLatin1String("@id")].toString(),
                 QStringLiteral("pkg:oci/app2?repository_url=registry.example/app2"));
        QCOMPARE(statements[2][QLatin1String("products")][0][QLatin1String("@id")].toString(),
                 QStringLiteral("pkg:generic/curl@7.88.1"));

        // Into a fresh workspace with the same scans.
        auto fresh = store::Workspace::open(
            QDir(dir.path()).filePath(QStringLiteral("fresh.db")).toStdString());
        QVERIFY((*fresh)->import(
            {read("s1.json",
                  synthetic::trivyReport(1, QStringLiteral("2025-05-01T00:00:00Z"), {a, c})),
             read("s2.json",
                  synthetic::trivyReport(2, QStringLiteral("2025-05-01T00:00:00Z"), {a, c}))},
            {}));
        const auto freshFacts = (*fresh)->loadFacts(1750000000);
        const auto freshImages = (*fresh)->imageLayers();
        const auto doc = ingest::readVexBytes("out.vex.json", vex);
        QVERIFY2(doc, doc ? "" : doc.error().c_str());
        std::vector<store::Decision> back;
        for (const store::VexMatch &m : store::matchVex(*doc, *freshFacts, *freshImages, {}))
            back.insert(back.end(), m.decisions.begin(), m.decisions.end());
        QCOMPARE(describeAll(back), describeAll(*stored));

        // Without x-patchwise: another tool's view. The same findings end up decided.
        QJsonObject stripped = json.object();
        QJsonArray plain;
        for (const QJsonValue &s : statements) {
            QJsonObject o = s.toObject();
            o.remove(QStringLiteral("x-patchwise"));
            plain.append(o);
        }
        stripped[QStringLiteral("statements")] = plain;
        const auto plainDoc =
            ingest::readVexBytes("plain.json", QJsonDocument(stripped).toJson().toStdString());
        QVERIFY2(plainDoc, plainDoc ? "" : plainDoc.error().c_str());
        std::vector<store::Decision> derived;
        for (const store::VexMatch &m : store::matchVex(*plainDoc, *freshFacts, *freshImages, {}))
            derived.insert(derived.end(), m.decisions.begin(), m.decisions.end());
        QVERIFY(*(*fresh)->recordDecisions(derived, "import", 1750000001) > 0);
        const auto refreshed = (*fresh)->loadFacts(1750000000);
        QCOMPARE(refreshed->triage.size(), decided.size());
        for (std::size_t f = 0; f < decided.size(); ++f) {
            // Decided the same way where it matters: in or out of the ranking.
            const auto state = [](std::uint8_t t) { return model::TriageState(t & 0x7f); };
            QCOMPARE(decided[f] == 0, refreshed->triage[f] == 0);
            if (state(decided[f]) == model::TriageState::RiskAccepted) {
                // OpenVEX has no accepted risk: it says "affected" with the acceptance as
                // the action statement, which reads back as exploitable (docs/vex.md).
                QCOMPARE(state(refreshed->triage[f]), model::TriageState::Exploitable);
                continue;
            }
            QCOMPARE(model::leavesRanking(state(decided[f])),
                     model::leavesRanking(state(refreshed->triage[f])));
            QCOMPARE(bool(facts->flags[f] & risk::Suppressed),
                     bool(refreshed->flags[f] & risk::Suppressed));
        }
    }
};

QTEST_GUILESS_MAIN(TestVex)
#include "tst_vex.moc"
