// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small synthetic fleet with known runtime ground truth: Trivy reports of six images,
// a Kubernetes pod list, services, an ingress and a docker inspect, written by the tests.
//
//   image 1  shop/web-*   (2 pods)  LoadBalancer 203.0.113.10            exposed, root (image user
//   "") image 2  shop/admin-0 privileged, runAsUser 0, ClusterIP + Ingress    exposed, privileged
//   image 3  batch/job-0  runAsNonRoot, NodePort                          exposed, not root
//   image 4  shop/edge-0  hostPort 8443, image user "app"                 exposed (hostPort), not
//   root image 5  docker: publishes 127.0.0.1 only, hostNetwork                running, not
//   exposed, host namespace image 6  shop/pending-0 waiting; LoadBalancer without an address not
//   running image 7  not in any inventory                                         not running

#include <QString>
#include <QStringList>
#include <string>

namespace fleet {

inline QString digest(int n)
{
    return QStringLiteral("sha256:%1").arg(n, 64, 16, QLatin1Char('0'));
}

// A Trivy report of image `n`: one vulnerable package per `vulns` entry (id, package,
// CVSS vector, vendor severity 1..4), the image's configured user and, when `packages` is
// not empty, a full package list (--list-all-pkgs).
struct Vuln
{
    QString id;
    QString package = QStringLiteral("openssl");
    QString vector = QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    int vendorLevel = 3;
    QString fixed = QStringLiteral("3.0.9");
    QString published = QStringLiteral("2025-01-01T00:00:00Z");
};

inline std::string trivy(int n,
                         const QList<Vuln> &vulns,
                         const QString &user = QString(),
                         const QStringList &packages = {},
                         const QString &createdAt = QStringLiteral("2025-06-01T00:00:00Z"))
{
    QStringList items;
    for (const Vuln &v : vulns)
        items
            << QString::fromUtf8(
                   R"json({"VulnerabilityID":"%1","PkgName":"%2","InstalledVersion":"1.0","FixedVersion":"%3",
"Status":"%4","Severity":"HIGH","VendorSeverity":{"debian":%5},"PublishedDate":"%7",
"CVSS":{"nvd":{"V3Vector":"%6"}}})json")
                   .arg(v.id,
                        v.package,
                        v.fixed,
                        v.fixed.isEmpty() ? QStringLiteral("affected") : QStringLiteral("fixed"),
                        QString::number(v.vendorLevel),
                        v.vector,
                        v.published);
    QStringList pkgs;
    for (const QString &p : packages)
        pkgs << QStringLiteral("{\"Name\":\"%1\",\"Version\":\"1.0\"}").arg(p);
    const QString packageList =
        packages.isEmpty() ? QString()
                           : QString(QStringLiteral(",\"Packages\":[") + pkgs.join(u',') + u']');
    return QString::fromUtf8(
               R"json({"SchemaVersion":2,"CreatedAt":"%1","ArtifactName":"registry.example/app%2:1.0","ArtifactType":"container_image",
"Metadata":{"ImageID":"%3","RepoDigests":["registry.example/app%2@%4"],"RepoTags":["registry.example/app%2:1.0"],
"OS":{"Family":"debian","Name":"12.5"},"ImageConfig":{"config":{"User":"%5"}}},
"Results":[{"Target":"app (debian 12.5)","Class":"os-pkgs","Type":"debian","Vulnerabilities":[%6]%7}]})json")
        .arg(createdAt,
             QString::number(n),
             digest(n),
             digest(500 + n),
             user,
             items.join(u','),
             packageList)
        .toStdString();
}

// One pod running image `n` (pulled by repo digest).
inline QString pod(const QString &ns,
                   const QString &name,
                   int n,
                   const QString &app,
                   const QString &securityContext = QStringLiteral("{}"),
                   bool running = true,
                   const QString &ports = QStringLiteral("[]"),
                   const QString &startedAt = QStringLiteral("2025-06-10T00:00:00Z"))
{
    const QString state = running
                              ? QStringLiteral("\"running\":{\"startedAt\":\"%1\"}").arg(startedAt)
                              : QStringLiteral("\"waiting\":{\"reason\":\"ContainerCreating\"}");
    const QString imageId =
        running
            ? QStringLiteral("registry.example/app%1@%2").arg(QString::number(n), digest(500 + n))
            : QString();
    return QString::fromUtf8(
               R"json({"kind":"Pod","metadata":{"namespace":"%1","name":"%2","labels":{"app":"%3"}},
"spec":{"containers":[{"name":"main","image":"registry.example/app%4:1.0","securityContext":%5,"ports":%8}]},
"status":{"phase":"Running","containerStatuses":[{"name":"main","image":"registry.example/app%4:1.0",
"imageID":"%6","restartCount":0,"state":{%7}}]}})json")
        .arg(ns, name, app, QString::number(n), securityContext, imageId, state, ports);
}

inline std::string list(const QStringList &items)
{
    return QString(QStringLiteral("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[") +
                   items.join(u',') + QStringLiteral("]}"))
        .toStdString();
}

inline std::string pods()
{
    return list(
        {pod(QStringLiteral("shop"), QStringLiteral("web-0"), 1, QStringLiteral("web")),
         pod(QStringLiteral("shop"),
             QStringLiteral("web-1"),
             1,
             QStringLiteral("web"),
             QStringLiteral("{}"),
             true,
             QStringLiteral("[]"),
             QStringLiteral("2025-06-05T00:00:00Z")),
         pod(QStringLiteral("shop"),
             QStringLiteral("admin-0"),
             2,
             QStringLiteral("admin"),
             QStringLiteral("{\"privileged\":true,\"runAsUser\":0}")),
         pod(QStringLiteral("batch"),
             QStringLiteral("job-0"),
             3,
             QStringLiteral("job"),
             QStringLiteral("{\"runAsNonRoot\":true}")),
         pod(QStringLiteral("shop"),
             QStringLiteral("edge-0"),
             4,
             QStringLiteral("edge"),
             QStringLiteral("{}"),
             true,
             QStringLiteral("[{\"containerPort\":443,\"hostPort\":8443,\"protocol\":\"TCP\"}]")),
         pod(QStringLiteral("shop"),
             QStringLiteral("pending-0"),
             6,
             QStringLiteral("pending"),
             QStringLiteral("{}"),
             false)});
}

inline std::string services()
{
    return list({QString::fromUtf8(
                     R"json({"kind":"Service","metadata":{"namespace":"shop","name":"web"},
"spec":{"type":"LoadBalancer","selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080,"nodePort":31000}]},
"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}})json"),
                 QString::fromUtf8(
                     R"json({"kind":"Service","metadata":{"namespace":"shop","name":"admin"},
"spec":{"type":"ClusterIP","selector":{"app":"admin"},"ports":[{"port":80}]}})json"),
                 QString::fromUtf8(
                     R"json({"kind":"Service","metadata":{"namespace":"batch","name":"job"},
"spec":{"type":"NodePort","selector":{"app":"job"},"ports":[{"port":80,"nodePort":30080}]}})json"),
                 QString::fromUtf8(
                     R"json({"kind":"Service","metadata":{"namespace":"shop","name":"pending"},
"spec":{"type":"LoadBalancer","selector":{"app":"pending"},"ports":[{"port":80}]},"status":{"loadBalancer":{}}})json")});
}

inline std::string ingresses()
{
    return list({QString::fromUtf8(
        R"json({"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"namespace":"shop","name":"admin"},
"spec":{"rules":[{"host":"admin.example.com","http":{"paths":[{"path":"/","pathType":"Prefix",
"backend":{"service":{"name":"admin","port":{"number":80}}}}]}}]}})json")});
}

// A docker host running image 5 with the port published on loopback only, host network.
inline std::string docker()
{
    return QString::fromUtf8(R"json([{"Id":"d5","Name":"/cache","Image":"%1","RestartCount":0,
"State":{"Running":true,"StartedAt":"2025-06-20T00:00:00Z"},"Config":{"Image":"registry.example/app5:1.0","User":"1000"},
"HostConfig":{"NetworkMode":"host"},
"NetworkSettings":{"Ports":{"6379/tcp":[{"HostIp":"127.0.0.1","HostPort":"6379"}]}}}])json")
        .arg(digest(5))
        .toStdString();
}

} // namespace fleet
