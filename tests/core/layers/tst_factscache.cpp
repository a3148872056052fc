// SPDX-License-Identifier: GPL-3.0-or-later
// The binary copy of a workspace load (layers/factscache): what is read back equals what
// was loaded, field by field, and scores identically; a copy is refused under another
// workspace state, when truncated or when it is not a copy at all; the workspace state key
// changes with every write and not otherwise.

#include "fleet.h"
#include "layers/factscache.h"
#include "store/importrunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace patchwise;

namespace {

bool sameImage(const risk::ImageFacts &a, const risk::ImageFacts &b)
{
    return a.id == b.id && a.name == b.name && a.digest == b.digest &&
           a.repositories == b.repositories && a.namespaces == b.namespaces &&
           a.runsOutsideNamespaces == b.runsOutsideNamespaces && a.vendorSource == b.vendorSource &&
           a.runningContainers == b.runningContainers &&
           a.probableContainers == b.probableContainers && a.internetExposed == b.internetExposed &&
           a.exposureReasons == b.exposureReasons && a.privileged == b.privileged &&
           a.hostNamespace == b.hostNamespace && a.runsAsRoot == b.runsAsRoot &&
           a.shell == b.shell && a.runningSince == b.runningSince;
}

bool sameVuln(const risk::VulnFacts &a, const risk::VulnFacts &b)
{
    if (a.id != b.id || a.kev != b.kev || a.ransomware != b.ransomware ||
        a.kevDueDate != b.kevDueDate || a.epss != b.epss || a.published != b.published ||
        a.ratings.size() != b.ratings.size() || a.cvss.size() != b.cvss.size())
        return false;
    for (std::size_t i = 0; i < a.ratings.size(); ++i)
        if (a.ratings[i].source != b.ratings[i].source ||
            a.ratings[i].severity != b.ratings[i].severity)
            return false;
    for (std::size_t i = 0; i < a.cvss.size(); ++i)
        if (a.cvss[i].source != b.cvss[i].source || !(a.cvss[i].vector == b.cvss[i].vector) ||
            a.cvss[i].baseTenths != b.cvss[i].baseTenths ||
            a.cvss[i].vectorText != b.cvss[i].vectorText)
            return false;
    return true;
}

bool sameLayers(const store::ImageLayers &a, const store::ImageLayers &b)
{
    if (a.id != b.id || a.name != b.name || a.digest != b.digest ||
        a.repoDigests != b.repoDigests || a.refs != b.refs || a.baseNameLabel != b.baseNameLabel ||
        a.baseDigestLabel != b.baseDigestLabel || a.manualBase != b.manualBase ||
        a.manualBaseRef != b.manualBaseRef || a.manualBaseLayers != b.manualBaseLayers ||
        a.layers.size() != b.layers.size() || a.history.size() != b.history.size() ||
        !b.packages.empty())
        return false; // package lists are not kept: they only feed the attribution, which is
    for (std::size_t i = 0; i < a.layers.size(); ++i)
        if (a.layers[i].diffId != b.layers[i].diffId ||
            a.layers[i].blobDigest != b.layers[i].blobDigest ||
            a.layers[i].size != b.layers[i].size || a.layers[i].createdBy != b.layers[i].createdBy)
            return false;
    for (std::size_t i = 0; i < a.history.size(); ++i)
        if (a.history[i].created != b.history[i].created ||
            a.history[i].createdBy != b.history[i].createdBy ||
            a.history[i].emptyLayer != b.history[i].emptyLayer)
            return false;
    return true;
}

} // namespace

class TestFactsCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_db;

    void import(const QString &name, const std::string &content)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content.data(), qint64(content.size()));
        f.close();
        auto ws = store::Workspace::open(m_db);
        QVERIFY(ws);
        store::ImportRequest request;
        request.paths = {f.fileName().toStdString()};
        QVERIFY(store::runImport(**ws, request).committed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("ws.pw")).toStdString();
        const QList<fleet::Vuln> vulns{fleet::Vuln{QStringLiteral("CVE-2025-0001")},
                                       fleet::Vuln{QStringLiteral("CVE-2025-0002")}};
        for (int n = 1; n <= 4; ++n)
            import(QStringLiteral("t%1.json").arg(n), fleet::trivy(n, vulns));
        import(QStringLiteral("pods.json"), fleet::pods());
        import(QStringLiteral("svc.json"), fleet::services());
    }

    void roundTrip()
    {
        auto ws = store::Workspace::open(m_db);
        QVERIFY(ws);
        // A decision, so the triage column has something to carry.
        store::Decision decision;
        decision.scope = model::DecisionScope::Fleet;
        decision.vulnerability = "CVE-2025-0002";
        decision.package = "openssl";
        decision.state = model::TriageState::FalsePositive;
        decision.reason = "test";
        QVERIFY((*ws)->recordDecisions({decision}, "test", 1751328000));
        auto facts = (*ws)->loadFacts(1751328000);
        auto images = (*ws)->imageLayers();
        QVERIFY(facts && images);
        ws->reset();
        QVERIFY(facts->size() > 0);
        QCOMPARE(facts->triage.size(), facts->size());
        const auto bases = layers::detectBaseImages(*images);
        const risk::Scoring scoring = risk::Scoring::compute(*facts, risk::Policy{});
        const auto flags = layers::baseAttribution(*images, bases, scoring);
        const std::string key = layers::workspaceStateKey(m_db);
        QVERIFY(!key.empty());
        const std::string cache = m_dir.filePath(QStringLiteral("cache/facts.bin")).toStdString();
        QVERIFY(layers::writeFactsCache(cache, key, *facts, *images, flags));

        auto back = layers::readFactsCache(cache, key);
        QVERIFY2(back, back ? "" : back.error().c_str());
        const risk::Facts &a = *facts, &b = back->facts;
        QCOMPARE(b.sources, a.sources);
        QCOMPARE(b.strings, a.strings);
        QCOMPARE(b.images.size(), a.images.size());
        for (std::size_t i = 0; i < a.images.size(); ++i)
            QVERIFY(sameImage(a.images[i], b.images[i]));
        QCOMPARE(b.vulns.size(), a.vulns.size());
        for (std::size_t i = 0; i < a.vulns.size(); ++i)
            QVERIFY(sameVuln(a.vulns[i], b.vulns[i]));
        QCOMPARE(b.contexts.size(), a.contexts.size());
        for (std::size_t i = 0; i < a.contexts.size(); ++i)
            QVERIFY(b.contexts[i].vuln == a.contexts[i].vuln &&
                    b.contexts[i].vendorSource == a.contexts[i].vendorSource &&
                    b.contexts[i].scannerPick == a.contexts[i].scannerPick &&
                    b.contexts[i].scanner == a.contexts[i].scanner);
        QCOMPARE(b.findingId, a.findingId);
        QCOMPARE(b.image, a.image);
        QCOMPARE(b.vuln, a.vuln);
        QCOMPARE(b.context, a.context);
        QCOMPARE(b.package, a.package);
        QCOMPARE(b.version, a.version);
        QCOMPARE(b.packageType, a.packageType);
        QCOMPARE(b.fixedVersions, a.fixedVersions);
        QCOMPARE(b.layerIndex, a.layerIndex);
        QCOMPARE(b.fixState, a.fixState);
        QCOMPARE(b.flags, a.flags);
        QCOMPARE(b.triage, a.triage);
        QCOMPARE(b.firstSeen, a.firstSeen);
        QCOMPARE(b.resolvedAt, a.resolvedAt);
        QCOMPARE(back->images.size(), images->size());
        for (std::size_t i = 0; i < images->size(); ++i)
            QVERIFY(sameLayers((*images)[i], back->images[i]));
        QCOMPARE(back->flags.size(), flags.size());
        for (std::size_t i = 0; i < flags.size(); ++i)
            QVERIFY(back->flags[i].inBase == flags[i].inBase &&
                    back->flags[i].baseImageFix == flags[i].baseImageFix);
        // Scored the same.
        back->facts.now = a.now;
        const risk::Scoring again = risk::Scoring::compute(back->facts, risk::Policy{});
        for (std::size_t f = 0; f < a.size(); ++f)
            QCOMPARE(again.risk(f), scoring.risk(f));
        QCOMPARE(again.ranking(), scoring.ranking());

        // Refused: another state, truncated, not a copy, missing.
        QVERIFY(!layers::readFactsCache(cache, key + "x"));
        QVERIFY(!layers::readFactsCache(cache, ""));
        QFile file(QString::fromStdString(cache));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        for (const qsizetype cut : {qsizetype(4), bytes.size() / 2, bytes.size() - 1}) {
            QFile t(QString::fromStdString(cache + ".cut"));
            QVERIFY(t.open(QIODevice::WriteOnly | QIODevice::Truncate));
            t.write(bytes.left(cut));
            t.close();
            QVERIFY(!layers::readFactsCache(cache + ".cut", key));
        }
        QVERIFY(!layers::readFactsCache(m_db, key)); // a database is not a copy
        QVERIFY(!layers::readFactsCache(cache + ".missing", key));
    }

    void stateKeyFollowsWrites()
    {
        const std::string before = layers::workspaceStateKey(m_db);
        QCOMPARE(layers::workspaceStateKey(m_db), before); // reading it changes nothing
        {
            // Opening, loading and closing leaves the key as it was.
            auto ws = store::Workspace::open(m_db);
            QVERIFY(ws && (*ws)->loadFacts(0));
        }
        QCOMPARE(layers::workspaceStateKey(m_db), before);
        import(QStringLiteral("t9.json"), fleet::trivy(9, {fleet::Vuln {
                                                           QStringLiteral("CVE-2025-0009")
                                                       }}));
        QVERIFY(layers::workspaceStateKey(m_db) != before);
        QVERIFY(layers::workspaceStateKey(m_dir.filePath(QStringLiteral("absent.pw")).toStdString())
                    .empty());
    }
};

QTEST_GUILESS_MAIN(TestFactsCache)
#include "tst_factscache.moc"
