// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small synthetic scanner reports with known ground truth, written by the tests themselves.

#include "ingest/reader.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <string>
#include <utility>
#include <vector>

namespace synthetic {

// A report the tests wrote themselves, read as an import would; it must be valid.
inline patchwise::ingest::FileRead read(const std::string &name, const std::string &bytes)
{
    auto r = patchwise::ingest::readBytes(name, bytes);
    if (!r)
        qFatal("synthetic report rejected: %s", r.error().c_str());
    return *r;
}

struct Vuln
{
    explicit Vuln(QString vulnerability, QString fixedVersion = {})
        : id(std::move(vulnerability))
        , fixed(std::move(fixedVersion))
    {}
    QString id;
    QString package = QStringLiteral("openssl");
    QString version = QStringLiteral("3.0.1");
    QString fixed;
};

inline QString digestOf(int n)
{
    return QStringLiteral("sha256:%1").arg(n, 64, 16, QLatin1Char('0'));
}

// A Trivy SchemaVersion 2 report of image `imageNo` created at `createdAt` (ISO 8601).
inline std::string
trivyReport(int imageNo, const QString &createdAt, const std::vector<Vuln> &vulns)
{
    QStringList items;
    for (const Vuln &v : vulns) {
        items
            << QString::fromUtf8(
                   R"json({"VulnerabilityID":"%1","PkgName":"%2","InstalledVersion":"%3","FixedVersion":"%4",
"Status":"%5","Layer":{"DiffID":"%6"},"Severity":"HIGH","VendorSeverity":{"nvd":3,"debian":2},
"CVSS":{"nvd":{"V3Vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","V3Score":9.8}}})json")
                   .arg(v.id,
                        v.package,
                        v.version,
                        v.fixed,
                        v.fixed.isEmpty() ? QStringLiteral("affected") : QStringLiteral("fixed"),
                        digestOf(1000 + imageNo));
    }
    return QString::fromUtf8(
               R"json({"SchemaVersion":2,"CreatedAt":"%1","ArtifactName":"registry.example/app%2:1.0","ArtifactType":"container_image",
"Metadata":{"ImageID":"%3","RepoDigests":["registry.example/app%2@%4"],"RepoTags":["registry.example/app%2:1.0"],
"OS":{"Family":"debian","Name":"12.5"},"DiffIDs":["%5"]},
"Results":[{"Target":"registry.example/app%2:1.0 (debian 12.5)","Class":"os-pkgs","Type":"debian","Vulnerabilities":[%6]}]})json")
        .arg(createdAt,
             QString::number(imageNo),
             digestOf(imageNo),
             digestOf(500 + imageNo),
             digestOf(1000 + imageNo),
             items.join(u','))
        .toStdString();
}

// A kubectl List of pods in namespace "shop", each running one container whose runtime
// imageID is `imageId`; `running` says which are running (the others are waiting).
inline std::string podList(const QString &imageId,
                           const std::vector<bool> &running,
                           const QString &image = QStringLiteral("registry.example/app:1.0"))
{
    QStringList items;
    for (std::size_t i = 0; i < running.size(); ++i) {
        const QString state =
            running[i] ? QStringLiteral("\"running\":{\"startedAt\":\"2025-01-01T00:00:00Z\"}")
                       : QStringLiteral("\"waiting\":{\"reason\":\"ContainerCreating\"}");
        items << QString::fromUtf8(
                     R"json({"kind":"Pod","metadata":{"namespace":"shop","name":"web-%1"},
"spec":{"containers":[{"name":"app","image":"%4"}]},
"status":{"containerStatuses":[{"name":"app","image":"%4",
"imageID":"%2","restartCount":0,"state":{%3}}]}})json")
                     .arg(QString::number(i), imageId, state, image);
    }
    return QString(QStringLiteral("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[") +
                   items.join(u',') + QStringLiteral("]}"))
        .toStdString();
}

// `docker inspect` of one running container of the image with config digest `configDigest`.
inline std::string dockerInspect(const QString &configDigest)
{
    return QString::fromUtf8(R"json([{"Id":"abc","Name":"/web","Image":"%1","RestartCount":0,
"State":{"Running":true,"StartedAt":"2025-01-02T00:00:00Z"},"Config":{"Image":"app","User":""},"HostConfig":{}}])json")
        .arg(configDigest)
        .toStdString();
}

} // namespace synthetic
