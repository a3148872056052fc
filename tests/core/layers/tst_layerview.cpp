// SPDX-License-Identifier: GPL-3.0-or-later
// The layer view through a real import: base layers, findings per layer, base-image fixes
// (a later layer that touches the package means the base update alone does not fix it),
// and image references.

#include "ingest/reader.h"
#include "layers/layerview.h"
#include "store/workspace.h"

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

using namespace patchwise;

namespace {

struct Vuln
{
    const char *id;
    const char *package;
    const char *version;
    const char *fixed;
    int layer; // index into the image's DiffIDs
};

// A Trivy report of `name` with config digest `digest`, layers `diffIds`.
std::string trivy(const QString &name,
                  const QString &digest,
                  const QStringList &diffIds,
                  const std::vector<Vuln> &vulns)
{
    QStringList items;
    for (const Vuln &v : vulns)
        items
            << QString::fromUtf8(
                   R"json({"VulnerabilityID":"%1","PkgName":"%2","InstalledVersion":"%3","FixedVersion":"%4",
"Status":"%5","Layer":{"DiffID":"%6"},"Severity":"HIGH","VendorSeverity":{"debian":3}})json")
                   .arg(QLatin1String(v.id),
                        QLatin1String(v.package),
                        QLatin1String(v.version),
                        QLatin1String(v.fixed),
                        *v.fixed ? QStringLiteral("fixed") : QStringLiteral("affected"),
                        diffIds.at(v.layer));
    QStringList ids;
    for (const QString &d : diffIds)
        ids << u'"' + d + u'"';
    return QString::fromUtf8(
               R"json({"SchemaVersion":2,"CreatedAt":"2025-06-01T00:00:00Z","ArtifactName":"%1","ArtifactType":"container_image",
"Metadata":{"ImageID":"%2","RepoTags":["%1"],"OS":{"Family":"debian","Name":"12"},"DiffIDs":[%3]},
"Results":[{"Target":"x","Class":"os-pkgs","Type":"debian","Vulnerabilities":[%4]}]})json")
        .arg(name, digest, ids.join(u','), items.join(u','))
        .toStdString();
}

QString sha(char c)
{
    return QStringLiteral("sha256:") + QString(64, QLatin1Char(c));
}

} // namespace

class TestLayerView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseLayersAndFixes()
    {
        QTemporaryDir dir;
        auto ws = store::Workspace::open(dir.filePath(QStringLiteral("ws.db")).toStdString());
        QVERIFY(ws);
        const QStringList baseLayers{sha('1'), sha('2')};
        const QStringList appLayers{sha('1'), sha('2'), sha('3')};
        const std::string base = trivy(QStringLiteral("registry.example/base:1"),
                                       QStringLiteral("sha256:") + QString(64, u'b'),
                                       baseLayers,
                                       {{"CVE-2025-0001", "openssl", "3.0.1", "3.0.9", 0}});
        // The app: openssl in the base layer (a base fix); zlib in the base layer but
        // reinstalled in the app layer (not a base fix); requests only in the app layer.
        const std::string app = trivy(QStringLiteral("registry.example/app:1"),
                                      QStringLiteral("sha256:ab") + QString(62, u'0'),
                                      appLayers,
                                      {{"CVE-2025-0001", "openssl", "3.0.1", "3.0.9", 0},
                                       {"CVE-2025-0002", "zlib", "1.2.13", "1.3", 1},
                                       {"CVE-2025-0003", "zlib", "1.2.11", "1.3", 2},
                                       {"CVE-2025-0004", "requests", "2.0", "2.32", 2},
                                       {"CVE-2025-0005", "bash", "5.2", "", 1}});
        // A second app whose config digest shares the "ab00" prefix (ambiguous references).
        const std::string other = trivy(QStringLiteral("registry.example/other:2"),
                                        QStringLiteral("sha256:ab00") + QString(60, u'1'),
                                        {sha('9')},
                                        {});
        std::vector<ingest::FileRead> files;
        for (const auto &[n, b] :
             {std::pair{"base.json", base}, {"app.json", app}, {"other.json", other}}) {
            auto r = ingest::readBytes(n, b);
            QVERIFY2(r, r ? "" : r.error().c_str());
            files.push_back(*r);
        }
        QVERIFY((*ws)->import(files, {}));

        const auto images = (*ws)->imageLayers();
        QVERIFY(images);
        const auto appIndex = layers::resolveImage(*images, "registry.example/app:1");
        QVERIFY(appIndex);
        const auto bases = layers::detectBaseImages(*images);
        QVERIFY(bases[*appIndex]);
        QCOMPARE(bases[*appIndex]->name, std::string("registry.example/base:1"));
        QCOMPARE(bases[*appIndex]->layerCount, 2);

        const auto facts = (*ws)->loadFacts(1751328000); // 2025-07-01
        QVERIFY(facts);
        const auto scoring = risk::Scoring::compute(*facts, risk::defaultPolicy());
        const auto flags = layers::baseAttribution(*images, bases, scoring);
        const auto view = layers::layerView(*images, *appIndex, bases[*appIndex], scoring, flags);
        // Per finding: openssl, zlib 1.2.13 and bash in base layers; only openssl is a base fix.
        for (std::size_t f = 0; f < facts->size(); ++f) {
            if (facts->images[facts->image[f]].name != "registry.example/app:1")
                continue;
            const std::string &vuln = facts->vulns[facts->vuln[f]].id;
            const bool inBase =
                vuln == "CVE-2025-0001" || vuln == "CVE-2025-0002" || vuln == "CVE-2025-0005";
            QCOMPARE(int(flags[f].inBase), inBase ? 1 : 0);
            QCOMPARE(flags[f].baseImageFix, vuln == "CVE-2025-0001");
        }
        QCOMPARE(view.layers.size(), std::size_t(3));
        QVERIFY(view.layers[0].inBase);
        QVERIFY(view.layers[1].inBase);
        QVERIFY(!view.layers[2].inBase);
        QCOMPARE(view.layers[0].findings, 1);
        QCOMPARE(view.layers[0].baseImageFixes, 1); // openssl
        QCOMPARE(view.layers[1].findings, 2);
        QCOMPARE(view.layers[1].baseImageFixes, 0); // zlib reinstalled above; bash has no fix
        QCOMPARE(view.layers[2].findings, 2);
        QCOMPARE(view.layers[2].baseImageFixes, 0); // not base layers
        QCOMPARE(view.layers[1].bySeverity[1], 2);  // both High (Debian 3)
        QCOMPARE(view.unattributed, 0);
        double sum = 0;
        for (std::size_t f = 0; f < facts->size(); ++f)
            if (facts->images[facts->image[f]].name == "registry.example/app:1")
                sum += scoring.risk(f);
        QVERIFY(qAbs(view.layers[0].riskSum + view.layers[1].riskSum + view.layers[2].riskSum -
                     sum) < 0.01);

        // References: normalised names, digests and unique prefixes; ambiguity is an error.
        QCOMPARE(*layers::resolveImage(*images, "sha256:ab000000"), *appIndex);
        QCOMPARE(*layers::resolveImage(*images, std::string("sha256:ab") + std::string(62, '0')),
                 *appIndex);
        const auto ambiguous = layers::resolveImage(*images, "ab00"); // both digests
        QVERIFY(!layers::resolveImage(*images, "ab0")); // too short to be a digest prefix
        QVERIFY(!ambiguous);
        QVERIFY2(ambiguous.error().find("several images") != std::string::npos,
                 ambiguous.error().c_str());
        QVERIFY(!layers::resolveImage(*images, "registry.example/none:1"));

        // The analyst's base wins over detection and survives a re-import of the image.
        QVERIFY(*(*ws)->setBaseOverride((*images)[*appIndex].id, "", 1));
        auto reread = ingest::readBytes("app-again.json", app);
        QVERIFY(reread);
        reread->contentHash += "-again"; // a new file with the same image
        QVERIFY((*ws)->import({*reread}, {}));
        auto again = (*ws)->imageLayers();
        QVERIFY(again);
        auto manual = layers::detectBaseImages(*again)[*appIndex];
        QVERIFY(manual);
        QCOMPARE(manual->detectedBy, std::string("manual"));
        QCOMPARE(manual->confidence, std::string("high"));
        QCOMPARE(manual->layerCount, 1);
        // Naming a workspace image takes its identity and, without a count, its layers.
        QVERIFY(*(*ws)->setBaseOverride((*images)[*appIndex].id, "registry.example/base:1", -1));
        again = (*ws)->imageLayers();
        manual = layers::detectBaseImages(*again)[*appIndex];
        QVERIFY(manual && manual->inWorkspace);
        QCOMPARE(manual->name, std::string("registry.example/base:1"));
        QCOMPARE(manual->layerCount, 2);
        QVERIFY(*(*ws)->clearBaseOverride((*images)[*appIndex].id));
        QVERIFY(!*(*ws)->clearBaseOverride((*images)[*appIndex].id));
        again = (*ws)->imageLayers();
        QCOMPARE(layers::detectBaseImages(*again)[*appIndex]->detectedBy, std::string("prefix"));
    }

    // formats.md §12's example: python:3.12-slim-bookworm's history ends with CMD
    // ["python3"], the app's WORKDIR comes 18 days later: the first 4 of 10 layers are base.
    void historyBoundaryOnAFixture()
    {
        const QString path =
            QStringLiteral(PATCHWISE_FIXTURES_DIR) +
            QStringLiteral("/trivy/pab1it0-prometheus-mcp-server--trivy-image-results.json");
        if (!QFile::exists(path))
            QSKIP("shared/fixtures is not available");
        QTemporaryDir dir;
        auto ws = store::Workspace::open(dir.filePath(QStringLiteral("ws.db")).toStdString());
        QVERIFY(ws);
        const auto read = ingest::readFile(path.toStdString());
        QVERIFY(read);
        QVERIFY((*ws)->import({*read}, {}));
        const auto images = (*ws)->imageLayers();
        QVERIFY(images);
        QCOMPARE(images->size(), std::size_t(1));
        QCOMPARE(images->front().layers.size(), std::size_t(10));
        const auto bases = layers::detectBaseImages(*images);
        QVERIFY(bases[0]);
        // Named by its base.name label (the base is not scanned); the extent from history.
        QCOMPARE(bases[0]->detectedBy, std::string("label"));
        QCOMPARE(bases[0]->confidence, std::string("medium"));
        QCOMPARE(bases[0]->layerCount, 4);
        QCOMPARE(bases[0]->name, std::string("python:3.12-slim-bookworm"));
    }
};

QTEST_GUILESS_MAIN(TestLayerView)
#include "tst_layerview.moc"
