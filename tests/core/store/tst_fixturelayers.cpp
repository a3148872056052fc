// SPDX-License-Identifier: GPL-3.0-or-later
// On the real fixtures, every image's stored layer list matches its report: the count and
// order of DiffIDs, and the history line of each layer (history entries that create no
// layer skipped). The expected values are read from the raw JSON with QJsonDocument, not
// with Patchwise's readers.

#include "ingest/reader.h"
#include "store/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace patchwise;

namespace {

struct Expected
{
    QStringList diffIds;
    QStringList history; // created_by of the history entries that create a layer; may be empty
    // Trivy Packages[] placed in a layer: "name|version|layer index", the first entry of each
    // (name, version, type) as the workspace keeps one.
    QSet<QString> packages;
};

QStringList nonEmptyHistory(const QJsonObject &config)
{
    QStringList lines;
    for (const QJsonValue &h : config.value(QStringLiteral("history")).toArray())
        if (!h.toObject().value(QStringLiteral("empty_layer")).toBool())
            lines << h.toObject().value(QStringLiteral("created_by")).toString();
    return lines;
}

// The layers a report states, or nothing when it states none (or is not a single-image
// Trivy, Grype or CycloneDX document).
std::optional<Expected> expectedLayers(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    Expected e;
    if (root.contains(QStringLiteral("SchemaVersion")) &&
        root.contains(QStringLiteral("Metadata"))) {
        const QJsonObject metadata = root.value(QStringLiteral("Metadata")).toObject();
        const QJsonObject config = metadata.value(QStringLiteral("ImageConfig")).toObject();
        QJsonArray ids = metadata.value(QStringLiteral("DiffIDs")).toArray();
        if (ids.isEmpty())
            ids = config.value(QStringLiteral("rootfs"))
                      .toObject()
                      .value(QStringLiteral("diff_ids"))
                      .toArray();
        for (const QJsonValue &d : ids)
            e.diffIds << d.toString();
        e.history = nonEmptyHistory(config);
        QSet<QString> seen;
        for (const QJsonValue &r : root.value(QStringLiteral("Results")).toArray()) {
            const QString type = r.toObject().value(QStringLiteral("Type")).toString();
            for (const QJsonValue &pv : r.toObject().value(QStringLiteral("Packages")).toArray()) {
                const QJsonObject p = pv.toObject();
                const QString name = p.value(QStringLiteral("Name")).toString();
                const QString version = p.value(QStringLiteral("Version")).toString();
                if (name.isEmpty() ||
                    seen.contains(name + QLatin1Char('|') + version + QLatin1Char('|') + type))
                    continue;
                seen.insert(name + QLatin1Char('|') + version + QLatin1Char('|') + type);
                const qsizetype layer = e.diffIds.indexOf(p.value(QStringLiteral("Layer"))
                                                              .toObject()
                                                              .value(QStringLiteral("DiffID"))
                                                              .toString());
                if (layer >= 0)
                    e.packages.insert(name + QLatin1Char('|') + version + QLatin1Char('|') +
                                      QString::number(layer));
            }
        }
        return e;
    }
    if (root.contains(QStringLiteral("matches")) && root.contains(QStringLiteral("source"))) {
        const QJsonObject target = root.value(QStringLiteral("source"))
                                       .toObject()
                                       .value(QStringLiteral("target"))
                                       .toObject();
        for (const QJsonValue &l : target.value(QStringLiteral("layers")).toArray())
            e.diffIds << l.toObject().value(QStringLiteral("digest")).toString();
        const QByteArray config =
            QByteArray::fromBase64(target.value(QStringLiteral("config")).toString().toLatin1());
        e.history = nonEmptyHistory(QJsonDocument::fromJson(config).object());
        return e;
    }
    if (root.value(QStringLiteral("bomFormat")).toString() == QStringLiteral("CycloneDX")) {
        const QJsonObject component = root.value(QStringLiteral("metadata"))
                                          .toObject()
                                          .value(QStringLiteral("component"))
                                          .toObject();
        for (const QJsonValue &p : component.value(QStringLiteral("properties")).toArray())
            if (p.toObject().value(QStringLiteral("name")).toString() ==
                QStringLiteral("aquasecurity:trivy:DiffID"))
                e.diffIds << p.toObject().value(QStringLiteral("value")).toString();
        // Components (not the OS or the image itself) with Trivy's layer property.
        const auto property = [](const QJsonObject &c, const char *name) {
            for (const QJsonValue &p : c.value(QStringLiteral("properties")).toArray())
                if (p.toObject().value(QStringLiteral("name")).toString() == QLatin1String(name))
                    return p.toObject().value(QStringLiteral("value")).toString();
            return QString();
        };
        QSet<QString> seen;
        for (const QJsonValue &cv : root.value(QStringLiteral("components")).toArray()) {
            const QJsonObject c = cv.toObject();
            const QString kind = c.value(QStringLiteral("type")).toString();
            const QString name = c.value(QStringLiteral("name")).toString();
            const QString version = c.value(QStringLiteral("version")).toString();
            if (name.isEmpty() || kind == QLatin1String("operating-system") ||
                kind == QLatin1String("container"))
                continue;
            QString type = property(c, "aquasecurity:trivy:PkgType");
            if (type.isEmpty()) // the purl's type: pkg:TYPE/…
                type = c.value(QStringLiteral("purl")).toString().section(u'/', 0, 0);
            const QString key = name + u'|' + version + u'|' + type;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            const qsizetype layer =
                e.diffIds.indexOf(property(c, "aquasecurity:trivy:LayerDiffID"));
            if (layer >= 0)
                e.packages.insert(name + u'|' + version + u'|' + QString::number(layer));
        }
        return e;
    }
    return std::nullopt;
}

} // namespace

class TestFixtureLayers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layersMatchReports_data()
    {
        QTest::addColumn<QString>("path");
        const QDir fixtures(QStringLiteral(PATCHWISE_FIXTURES_DIR));
        if (!fixtures.exists())
            return;
        for (const char *folder : {"trivy", "grype", "cyclonedx"}) {
            QDirIterator it(fixtures.filePath(QLatin1String(folder)), QDir::Files);
            QStringList paths;
            while (it.hasNext())
                paths << it.next();
            paths.sort();
            for (const QString &path : paths)
                QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
        }
    }

    void layersMatchReports()
    {
        if (!QDir(QStringLiteral(PATCHWISE_FIXTURES_DIR)).exists())
            QSKIP("shared/fixtures is not available");
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto expected = expectedLayers(file.readAll());
        if (!expected)
            QSKIP("not a single-image report with a layer list");

        const auto read = ingest::readFile(path.toStdString());
        if (!read)
            QSKIP(qPrintable(QString::fromStdString("not importable: " + read.error())));
        if (read->scans.size() != 1)
            QSKIP("not exactly one image");
        QTemporaryDir dir;
        auto ws = store::Workspace::open(dir.filePath(QStringLiteral("ws.db")).toStdString());
        QVERIFY(ws);
        QVERIFY((*ws)->import({*read}, {}));
        const auto images = (*ws)->imageLayers();
        QVERIFY(images);
        QCOMPARE(images->size(), std::size_t(1));
        const auto &layers = images->front().layers;

        QStringList stored;
        for (const model::Layer &l : layers)
            stored << QString::fromStdString(l.diffId);
        QCOMPARE(stored, expected->diffIds);
        // History: the n-th layer-creating entry created the n-th layer.
        if (!expected->history.isEmpty() && expected->history.size() == expected->diffIds.size())
            for (qsizetype i = 0; i < expected->history.size(); ++i)
                QCOMPARE(QString::fromStdString(layers[std::size_t(i)].createdBy),
                         expected->history.at(i));
        // Listed packages keep their layer.
        QSet<QString> packages;
        for (const auto &p : images->front().packages)
            packages.insert(QString::fromStdString(p.name + "|" + p.version + "|") +
                            QString::number(p.layer));
        QCOMPARE(packages, expected->packages);
    }

    // The check above must not pass by skipping everything.
    void enoughReportsHaveLayers()
    {
        if (!QDir(QStringLiteral(PATCHWISE_FIXTURES_DIR)).exists())
            QSKIP("shared/fixtures is not available");
        int withLayers = 0, withHistory = 0;
        const QDir fixtures(QStringLiteral(PATCHWISE_FIXTURES_DIR));
        for (const char *folder : {"trivy", "grype", "cyclonedx"}) {
            QDirIterator it(fixtures.filePath(QLatin1String(folder)), QDir::Files);
            while (it.hasNext()) {
                QFile file(it.next());
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                if (const auto e = expectedLayers(file.readAll()); e && !e->diffIds.isEmpty()) {
                    ++withLayers;
                    withHistory += e->history.size() == e->diffIds.size();
                }
            }
        }
        QVERIFY2(withLayers >= 10, qPrintable(QString::number(withLayers)));
        QVERIFY2(withHistory >= 3, qPrintable(QString::number(withHistory)));
    }
};

QTEST_GUILESS_MAIN(TestFixtureLayers)
#include "tst_fixturelayers.moc"
