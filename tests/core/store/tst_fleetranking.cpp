// SPDX-License-Identifier: GPL-3.0-or-later
// Acceptance-style check of the risk ranking, the way an outside checker would verify it:
// a generated fleet of input FILES (Trivy JSON reports, a kubectl pod List, Services,
// Ingresses, a docker inspect array, a CISA KEV catalog and a FIRST EPSS CSV) is written
// to disk, read back through the real readers, imported into a workspace and scored with
// the default policy. The expected values come from what the generated inputs say, by the
// rules of docs/risk.md, never from the engine:
//   1. runtime facts per image (running containers, internet exposure, privileged, root,
//      namespaces) and exposure days per finding;
//   2. dominance: a finding at least as bad as another on every input factor, and worse on
//      a major one (KEV, internet exposure, running, severity band), scores higher and
//      ranks first;
//   3. Container Health Index grades per image;
//   4. the NVD × debian severity matrix;
//   5. effective severity, CVSS, SSVC decision and SLA due date per finding;
//   6. importing the same files one per import() gives the same facts and scores.
// Every Trivy report carries the VendorSeverity of its own image's OS only (debian or
// ubuntu), so a CVE found in images of both families is rated by both vendors only once
// every report's ratings are kept.

#include "cvss/cvssscore.h"
#include "cvss/cvssvector.h"
#include "ingest/reader.h"
#include "risk/engine.h"
#include "risk/scoredrows.h"
#include "store/workspace.h"
#include "util/timestamp.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>

using namespace patchwise;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kHour = 3600;

// ---------------------------------------------------------------------------------------
// The CVSS menu: all CVSS 3.1, AV:N and S:U, so that only the score and its band differ.
// `band` 4 critical, 3 high, 2 medium, 1 low. C:H/I:H (the vulnerability reaches beyond
// the container, docs/risk.md `privilege`) holds for the two highest scores only, so a
// higher score never has a smaller privilege multiplier.
struct VectorChoice
{
    const char *vector;
    int tenths;
    int band;
    bool automatable; // AV:N/AC:L/PR:N/UI:N
    bool totalImpact; // C:H and I:H
};
constexpr VectorChoice kVectors[] = {
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 98, 4, true, true},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 88, 3, false, true},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 75, 3, true, false},
    {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 65, 2, false, false},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 53, 2, true, false},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", 37, 1, false, false},
};

const char *const kBandUpper[] = {"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
const char *const kBandLower[] = {"unknown", "low", "medium", "high", "critical"};

// ---------------------------------------------------------------------------------------
// The generated fleet, as plain data; the files are written from it and the ground truth
// is computed from it.

struct Cve
{
    QString id;
    int vector = 0;
    std::int64_t published = 0; // whole seconds (the file adds milliseconds)
    int publishedMillis = 0;
    QStringList packages; // one finding per package
    QString status;       // fixed, affected, will_not_fix
    QString fixedVersion; // empty: no fix
    bool kev = false;
    bool ransomware = false;
    QString epss; // as written to the CSV; empty: not in the feed
    double epssValue = 0;
    int band() const { return kVectors[vector].band; }
};

struct Image
{
    QString ref, repository, configDigest, repoDigest;
    QString vendor, osName;
    QString user;
    bool userKey = true; // false: the image config has no "User" (OCI default: root)
    std::int64_t createdAt = 0;
    int createdOffset = 0; // seconds ahead of UTC in the report's CreatedAt
    std::vector<int> cves;
    bool packageList = false;
};

struct K8sContainer
{
    QString name;
    int image = -1;        // fleet image, -1: an image outside the fleet
    QString externalImage; // when image == -1
    std::optional<qint64> runAsUser;
    std::optional<bool> runAsNonRoot;
    bool privileged = false;
    int hostPort = 0;
    QString state = QStringLiteral("running"); // running, waiting, terminated
    QString reason;                            // waiting/terminated reason
    bool pulled = true;                        // imageID known
    std::int64_t startedAt = 0;
};

struct Pod
{
    QString ns, name, owner;
    std::map<QString, QString> labels;
    std::optional<qint64> runAsUser;
    std::optional<bool> runAsNonRoot;
    std::vector<K8sContainer> init, containers;
};

struct Service
{
    QString ns, name, type;
    std::map<QString, QString> selector;
    QStringList lbIps, lbHostnames, externalIps;
    bool nodePort = false;
};

Service service(const QString &ns,
                const QString &name,
                const QString &type,
                const std::map<QString, QString> &selector)
{
    Service s;
    s.ns = ns;
    s.name = name;
    s.type = type;
    s.selector = selector;
    return s;
}

struct Ingress
{
    QString ns, name, host, service;
};

struct DockerContainer
{
    QString id, name;
    int image = -1;
    bool running = true;
    std::int64_t startedAt = 0;
    QString user; // Config.User: the container's effective user
    bool privileged = false;
    std::vector<std::pair<QString, int>> bindings; // HostIp, HostPort of 8080/tcp
};

struct Fleet
{
    std::vector<Cve> cves;
    std::vector<Image> images;
    std::vector<Pod> pods;
    std::vector<Service> services;
    std::vector<Ingress> ingresses;
    std::vector<DockerContainer> docker;
    std::vector<std::pair<QString, bool>> extraKev; // CVEs outside the fleet
    std::vector<std::pair<QString, QString>> extraEpss;
};

struct Rng
{
    std::mt19937 engine{42};
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + std::int64_t(engine() % std::uint32_t(hi - lo + 1));
    }
    bool chance(int percent) { return between(0, 99) < percent; }
    template<typename T> const T &pick(const std::vector<T> &v)
    {
        return v[std::size_t(between(0, std::int64_t(v.size()) - 1))];
    }
};

QString hex64(std::uint64_t a, std::uint64_t b)
{
    return QStringLiteral("%1%2%3%4")
        .arg(a, 16, 16, QLatin1Char('0'))
        .arg(b, 16, 16, QLatin1Char('0'))
        .arg(a ^ 0x5a5a5a5a5a5a5a5aULL, 16, 16, QLatin1Char('0'))
        .arg(b ^ 0xa5a5a5a5a5a5a5a5ULL, 16, 16, QLatin1Char('0'));
}

bool rootUser(const QString &user)
{
    const QString name = user.section(u':', 0, 0);
    return name.isEmpty() || name == u"root" || name == u"0";
}

// What kubelet accepts for runAsNonRoot without runAsUser: a numeric, non-zero image user.
bool verifiablyNonRoot(const QString &user)
{
    bool ok = false;
    const qint64 uid = user.section(u':', 0, 0).toLongLong(&ok);
    return ok && uid != 0;
}

Fleet generate(std::int64_t now)
{
    Rng rng;
    Fleet fleet;

    const std::vector<QStringList> packageMenu = {
        {QStringLiteral("openssl"), QStringLiteral("libssl3")},
        {QStringLiteral("curl"), QStringLiteral("libcurl4")},
        {QStringLiteral("zlib1g")},
        {QStringLiteral("libxml2")},
        {QStringLiteral("libc6"), QStringLiteral("libc-bin")},
        {QStringLiteral("libexpat1")},
        {QStringLiteral("perl-base")},
        {QStringLiteral("libgnutls30")},
        {QStringLiteral("libsqlite3-0")},
        {QStringLiteral("tar")},
        {QStringLiteral("libpng16-16")},
        {QStringLiteral("libtiff6")},
        {QStringLiteral("libnghttp2-14")},
        {QStringLiteral("libkrb5-3"), QStringLiteral("libgssapi-krb5-2")},
        {QStringLiteral("libssh2-1")},
    };

    // ~60 CVEs.
    for (int i = 0; i < 60; ++i) {
        Cve c;
        const int v = int(rng.between(0, 99));
        c.vector = v < 20 ? 0 : v < 33 ? 1 : v < 50 ? 2 : v < 65 ? 3 : v < 85 ? 4 : 5;
        const int a = int(rng.between(0, 99));
        const std::int64_t age = a < 15   ? rng.between(2 * kDay, 10 * kDay)
                                 : a < 40 ? rng.between(10 * kDay, 40 * kDay)
                                 : a < 65 ? rng.between(40 * kDay, 120 * kDay)
                                 : a < 85 ? rng.between(120 * kDay, 400 * kDay)
                                          : rng.between(400 * kDay, 1500 * kDay);
        c.published = now - age;
        c.publishedMillis = int(rng.between(0, 999));
        const int year = QDateTime::fromSecsSinceEpoch(c.published, Qt::UTC).date().year();
        c.id = QStringLiteral("CVE-%1-%2").arg(year).arg(20011 + i * 173);
        c.packages = rng.pick(packageMenu);
        // Older flaws are more often fixed.
        const int fix = int(rng.between(0, 99)) - (age > 60 * kDay ? 15 : 0);
        if (fix < 65) {
            c.status = QStringLiteral("fixed");
            c.fixedVersion =
                QStringLiteral("%1.%2.%3-1").arg(rng.between(1, 3)).arg(rng.between(0, 20)).arg(i);
        } else if (fix < 90) {
            c.status = QStringLiteral("affected");
        } else {
            c.status = QStringLiteral("will_not_fix");
        }
        c.kev = rng.chance(22);
        c.ransomware = c.kev && rng.chance(45);
        if (rng.chance(65)) {
            std::int64_t e = rng.chance(70) ? rng.between(4, 5000) : rng.between(5000, 97000);
            if (e >= 9950 && e <= 10050) // keep clear of the SSVC threshold 0.1
                e = 10500;
            c.epss = QStringLiteral("%1").arg(double(e) / 1e5, 0, 'f', 5);
            c.epssValue = c.epss.toDouble();
        }
        fleet.cves.push_back(c);
    }
    fleet.extraKev = {{QStringLiteral("CVE-2021-44228"), true},
                      {QStringLiteral("CVE-2023-4966"), true},
                      {QStringLiteral("CVE-2019-0708"), false}};
    fleet.extraEpss = {{QStringLiteral("CVE-1999-0001"), QStringLiteral("0.00383")},
                       {QStringLiteral("CVE-2021-44228"), QStringLiteral("0.94358")}};

    // 40 images.
    const std::vector<QString> users = {QString(),
                                        QStringLiteral("root"),
                                        QStringLiteral("0:0"),
                                        QStringLiteral("app"),
                                        QStringLiteral("1000"),
                                        QStringLiteral("1000:1000"),
                                        QStringLiteral("nobody"),
                                        QStringLiteral("65532:65532")};
    const std::vector<int> offsets = {0, 7200, -4 * 3600, 19800};
    constexpr int kImages = 40;
    for (int n = 0; n < kImages; ++n) {
        Image im;
        const QString name = QStringLiteral("svc%1").arg(n, 2, 10, QLatin1Char('0'));
        im.repository = QStringLiteral("registry.example/fleet/") + name;
        im.ref = im.repository + QStringLiteral(":1.%1").arg(n % 7);
        im.configDigest = QStringLiteral("sha256:") + hex64(0x1000 + n, 0xc0ffee);
        im.repoDigest = im.repository + QStringLiteral("@sha256:") + hex64(0x2000 + n, 0xbeef);
        if (n % 5 == 4) {
            im.vendor = QStringLiteral("ubuntu");
            im.osName = QStringLiteral("22.04");
        } else {
            im.vendor = QStringLiteral("debian");
            im.osName = QStringLiteral("12.7");
        }
        im.user = rng.pick(users);
        im.userKey = !(im.user.isEmpty() && rng.chance(50));
        im.createdAt = now - (rng.chance(50) ? rng.between(kHour, 3 * kDay)
                                             : rng.between(3 * kDay, 90 * kDay));
        im.createdOffset = rng.pick(offsets);
        im.packageList = rng.chance(30);

        // Vulnerabilities: only CVEs published before the scan.
        const int profile = int(rng.between(0, 99)); // hardened / fresh / yearly / normal
        const auto eligible = [&](bool strict) {
            std::vector<int> out;
            for (int i = 0; i < int(fleet.cves.size()); ++i) {
                const Cve &c = fleet.cves[std::size_t(i)];
                if (c.published >= im.createdAt - kHour)
                    continue;
                if (strict && profile < 12 && c.band() >= 3 && !c.fixedVersion.isEmpty())
                    continue; // hardened: nothing fixable at Critical/High
                if (strict && profile >= 12 && profile < 30 && c.published < now - 25 * kDay)
                    continue; // fresh: only recent CVEs
                if (strict && profile >= 30 && profile < 45 &&
                    (c.published < now - 330 * kDay || c.published > now - 95 * kDay))
                    continue; // months behind, less than a year
                out.push_back(i);
            }
            return out;
        };
        std::vector<int> pool = eligible(true);
        if (pool.size() < 3)
            pool = eligible(false);
        const int count = std::min(int(rng.between(3, 8)), int(pool.size()));
        for (int k = 0; k < count; ++k) {
            const std::size_t at = std::size_t(rng.between(0, std::int64_t(pool.size()) - 1));
            im.cves.push_back(pool[at]);
            pool.erase(pool.begin() + std::ptrdiff_t(at));
        }
        std::sort(im.cves.begin(), im.cves.end());
        fleet.images.push_back(im);
    }

    // Runtime.
    const std::vector<QString> namespaces = {QStringLiteral("shop"),
                                             QStringLiteral("payments"),
                                             QStringLiteral("batch"),
                                             QStringLiteral("monitoring"),
                                             QStringLiteral("staging")};
    const std::vector<QString> tiers = {
        QStringLiteral("frontend"), QStringLiteral("backend"), QStringLiteral("worker")};
    int podSerial = 0, dockerSerial = 0, addressSerial = 10;
    const auto podName = [&](const QString &app) {
        ++podSerial;
        return app + QStringLiteral("-%1-%2")
                         .arg(0x6b4f00 + podSerial * 7919, 0, 36)
                         .arg(0x1a2b + podSerial * 31, 5, 36, QLatin1Char('x'));
    };
    const auto addDocker = [&](int n, bool running) {
        const Image &im = fleet.images[std::size_t(n)];
        DockerContainer d;
        ++dockerSerial;
        d.id = hex64(0xd0c0 + dockerSerial, 0x42);
        d.name = QStringLiteral("/%1-%2").arg(im.repository.section(u'/', -1)).arg(dockerSerial);
        d.image = n;
        d.running = running;
        d.startedAt = now - rng.between(kHour, 150 * kDay);
        d.user = rng.chance(20) ? rng.pick(std::vector<QString>{QString(),
                                                                QStringLiteral("root"),
                                                                QStringLiteral("1000"),
                                                                QStringLiteral("www-data"),
                                                                QStringLiteral("0:0")})
                                : im.user;
        d.privileged = rng.chance(10);
        const int p = int(rng.between(0, 99));
        if (p < 30) {
        } else if (p < 55) {
            const int port = int(rng.between(8000, 8999));
            d.bindings = {{QStringLiteral("0.0.0.0"), port}, {QStringLiteral("::"), port}};
        } else if (p < 62) {
            d.bindings = {{QString(), int(rng.between(8000, 8999))}};
        } else if (p < 80) {
            d.bindings = {{QStringLiteral("127.0.0.1"), int(rng.between(8000, 8999))}};
        } else if (p < 87) {
            d.bindings = {
                {rng.chance(50) ? QStringLiteral("10.0.0.5") : QStringLiteral("192.168.1.20"),
                 int(rng.between(8000, 8999))}};
        } else {
            d.bindings = {{QStringLiteral("203.0.113.50"), int(rng.between(8000, 8999))}};
        }
        fleet.docker.push_back(d);
    };

    for (int n = 0; n < kImages; ++n) {
        const Image &im = fleet.images[std::size_t(n)];
        const int mode = int(rng.between(0, 99));
        if (mode < 22) { // not running; sometimes something that looks like it
            if (rng.chance(50)) {
                Pod pod;
                pod.ns = rng.pick(namespaces);
                const QString app = im.repository.section(u'/', -1) + QStringLiteral("-pull");
                pod.name = podName(app);
                pod.owner = app;
                pod.labels = {{QStringLiteral("app"), app}};
                K8sContainer c;
                c.name = QStringLiteral("main");
                c.image = n;
                c.state = QStringLiteral("waiting");
                c.reason = QStringLiteral("ImagePullBackOff");
                c.pulled = false;
                pod.containers.push_back(c);
                fleet.pods.push_back(pod);
                Service s = service(
                    pod.ns, app, QStringLiteral("LoadBalancer"), {{QStringLiteral("app"), app}});
                s.lbIps = {QStringLiteral("203.0.113.%1").arg(addressSerial++)};
                s.nodePort = true;
                fleet.services.push_back(s);
            } else if (rng.chance(50)) {
                addDocker(n, false);
            }
            continue;
        }
        const bool k8s = mode < 77 || mode >= 87; // 77..86 docker only, 87.. both
        const bool docker = mode >= 77;
        if (k8s) {
            const int workloads = rng.chance(20) ? 2 : 1;
            QString previousNs;
            for (int w = 0; w < workloads; ++w) {
                QString ns = rng.pick(namespaces);
                while (ns == previousNs)
                    ns = rng.pick(namespaces);
                previousNs = ns;
                const QString app =
                    im.repository.section(u'/', -1) + (w ? QStringLiteral("-canary") : QString());
                const QString tier = rng.pick(tiers);
                const int replicas =
                    rng.chance(10) ? int(rng.between(8, 25)) : int(rng.between(1, 4));
                // Pod-level security context.
                std::optional<qint64> podUser;
                std::optional<bool> podNonRoot;
                const int ps = int(rng.between(0, 99));
                if (ps < 25) {
                    podNonRoot = true;
                    podUser = 10001;
                } else if (ps < 35) {
                    podNonRoot = true;
                } else if (ps < 42) {
                    podUser = 0;
                }
                // Container-level security context.
                K8sContainer main;
                main.name = QStringLiteral("main");
                main.image = n;
                main.privileged = rng.chance(15);
                const int cs = int(rng.between(0, 99));
                if (cs < 10)
                    main.runAsUser = 0;
                else if (cs < 20)
                    main.runAsUser = 1000;
                else if (cs < 28)
                    main.runAsNonRoot = true;
                else if (cs < 33)
                    main.runAsNonRoot = false;
                if (rng.chance(8))
                    main.hostPort = 8443;
                // kubelet refuses runAsNonRoot it cannot verify: the pods never start.
                const std::optional<qint64> uid = main.runAsUser ? main.runAsUser : podUser;
                const bool nonRoot = main.runAsNonRoot.value_or(podNonRoot.value_or(false));
                const bool configError =
                    nonRoot && (uid ? *uid == 0 : !(im.userKey && verifiablyNonRoot(im.user)));
                const bool sidecar = rng.chance(20);
                const bool initFromFleet = rng.chance(15);
                const std::int64_t base = now - rng.between(kHour, 200 * kDay);
                const std::map<QString, QString> labels = {
                    {QStringLiteral("app"), app},
                    {QStringLiteral("tier"), tier},
                    {QStringLiteral("pod-template-hash"),
                     QStringLiteral("%1").arg(0x5d8f9c + n * 97 + w, 0, 16)}};
                for (int r = 0; r < replicas; ++r) {
                    Pod pod;
                    pod.ns = ns;
                    pod.name = podName(app);
                    pod.owner = app + QStringLiteral("-%1").arg(0x5d8f9c + n * 97 + w, 0, 16);
                    pod.labels = labels;
                    pod.runAsUser = podUser;
                    pod.runAsNonRoot = podNonRoot;
                    K8sContainer c = main;
                    if (configError) {
                        c.state = QStringLiteral("waiting");
                        c.reason = QStringLiteral("CreateContainerConfigError");
                        c.pulled = false;
                    } else if (rng.chance(8)) {
                        c.state = QStringLiteral("waiting");
                        c.reason = QStringLiteral("CrashLoopBackOff");
                    } else {
                        c.startedAt = std::min(base + rng.between(0, 2 * kDay), now - 60);
                    }
                    pod.containers.push_back(c);
                    if (sidecar) {
                        K8sContainer proxy;
                        proxy.name = QStringLiteral("istio-proxy");
                        proxy.externalImage = QStringLiteral("docker.io/istio/proxyv2:1.22.0");
                        proxy.startedAt = c.startedAt ? c.startedAt : base;
                        proxy.runAsUser = 1337;
                        pod.containers.push_back(proxy);
                    }
                    if (initFromFleet) {
                        K8sContainer migrate;
                        migrate.name = QStringLiteral("migrate");
                        migrate.image = (n + 7) % kImages;
                        migrate.state = QStringLiteral("terminated");
                        migrate.reason = QStringLiteral("Completed");
                        migrate.startedAt = base;
                        migrate.runAsUser = 0;
                        migrate.privileged = true;
                        pod.init.push_back(migrate);
                    }
                    fleet.pods.push_back(pod);
                }
                // How the workload is published.
                const std::map<QString, QString> selector = {{QStringLiteral("app"), app}};
                Service svc = service(ns, app, QStringLiteral("ClusterIP"), selector);
                const int e = int(rng.between(0, 99));
                if (e < 22) {
                    svc.type.clear(); // no Service
                } else if (e < 35) {
                } else if (e < 47) {
                    svc.type = QStringLiteral("LoadBalancer");
                    svc.lbIps = {QStringLiteral("203.0.113.%1").arg(addressSerial++)};
                    svc.nodePort = true;
                } else if (e < 52) {
                    svc.type = QStringLiteral("LoadBalancer");
                    svc.lbHostnames = {
                        QStringLiteral("a%1f3.elb.eu-west-1.amazonaws.com").arg(addressSerial++)};
                    svc.nodePort = true;
                } else if (e < 60) {
                    svc.type = QStringLiteral("LoadBalancer"); // pending: no address yet
                    svc.nodePort = true;
                } else if (e < 70) {
                    svc.type = QStringLiteral("NodePort");
                    svc.nodePort = true;
                } else if (e < 75) {
                    svc.externalIps = {QStringLiteral("198.51.100.%1").arg(addressSerial++)};
                } else if (e < 90) {
                    fleet.ingresses.push_back({ns, app, app + QStringLiteral(".example.com"), app});
                } else { // an Ingress of another namespace naming a Service of that name
                    QString other = rng.pick(namespaces);
                    while (other == ns)
                        other = rng.pick(namespaces);
                    fleet.ingresses.push_back(
                        {other, app, app + QStringLiteral(".other.example.com"), app});
                }
                if (!svc.type.isEmpty())
                    fleet.services.push_back(svc);
                if (rng.chance(10)) { // same selector, another namespace
                    QString other = rng.pick(namespaces);
                    while (other == ns)
                        other = rng.pick(namespaces);
                    Service s = service(other,
                                        app + QStringLiteral("-mirror"),
                                        QStringLiteral("LoadBalancer"),
                                        selector);
                    s.lbIps = {QStringLiteral("203.0.113.%1").arg(addressSerial++)};
                    fleet.services.push_back(s);
                }
                if (rng.chance(10)) { // same namespace, a selector the pods do not match
                    Service s = service(ns,
                                        app + QStringLiteral("-debug"),
                                        QStringLiteral("NodePort"),
                                        {{QStringLiteral("app"), app},
                                         {QStringLiteral("tier"), QStringLiteral("debug")}});
                    s.nodePort = true;
                    fleet.services.push_back(s);
                }
            }
        }
        if (docker) {
            const int containers = int(rng.between(1, 3));
            for (int k = 0; k < containers; ++k)
                addDocker(n, rng.chance(85));
        }
    }
    // Cluster add-ons from images outside the fleet.
    for (int i = 0; i < 2; ++i) {
        Pod pod;
        pod.ns = QStringLiteral("kube-system");
        pod.name = podName(QStringLiteral("coredns"));
        pod.owner = QStringLiteral("coredns-5d78c9869d");
        pod.labels = {{QStringLiteral("k8s-app"), QStringLiteral("kube-dns")}};
        K8sContainer c;
        c.name = QStringLiteral("coredns");
        c.externalImage = QStringLiteral("registry.k8s.io/coredns/coredns:v1.11.1");
        c.startedAt = now - 300 * kDay;
        pod.containers.push_back(c);
        fleet.pods.push_back(pod);
    }
    return fleet;
}

// ---------------------------------------------------------------------------------------
// Writing the files.

QString stamp(std::int64_t t, int offsetSeconds = 0, const QString &fraction = QString())
{
    QString s =
        QDateTime::fromSecsSinceEpoch(t, Qt::OffsetFromUTC, offsetSeconds).toString(Qt::ISODate);
    if (!fraction.isEmpty())
        s.insert(19, u'.' + fraction);
    return s;
}

std::string json(const QJsonValue &value)
{
    return (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
        .toJson(QJsonDocument::Indented)
        .toStdString();
}

QJsonObject stringObject(const std::map<QString, QString> &map)
{
    QJsonObject o;
    for (const auto &[k, v] : map)
        o.insert(k, v);
    return o;
}

std::string trivyReport(const Fleet &fleet, const Image &im, int serial)
{
    QJsonArray vulns;
    for (const int ci : im.cves) {
        const Cve &c = fleet.cves[std::size_t(ci)];
        const VectorChoice &v = kVectors[c.vector];
        for (const QString &package : c.packages) {
            QJsonObject o{
                {QStringLiteral("VulnerabilityID"), c.id},
                {QStringLiteral("PkgID"), QString(package + QStringLiteral("@1.0.%1").arg(ci))},
                {QStringLiteral("PkgName"), package},
                {QStringLiteral("InstalledVersion"), QStringLiteral("1.0.%1").arg(ci)},
                {QStringLiteral("Status"), c.status},
                {QStringLiteral("Layer"),
                 QJsonObject{{QStringLiteral("DiffID"),
                              QString(QStringLiteral("sha256:") + hex64(0x1a7e + serial, 1))}}},
                {QStringLiteral("SeveritySource"), im.vendor},
                {QStringLiteral("PrimaryURL"),
                 QString(QStringLiteral("https://avd.aquasec.com/nvd/") + c.id.toLower())},
                {QStringLiteral("Title"),
                 QString(package + QStringLiteral(": synthetic flaw ") + c.id)},
                {QStringLiteral("Severity"), QString::fromLatin1(kBandUpper[v.band])},
                {QStringLiteral("VendorSeverity"),
                 QJsonObject{{im.vendor, v.band}, {QStringLiteral("nvd"), v.band}}},
                {QStringLiteral("CVSS"),
                 QJsonObject{
                     {QStringLiteral("nvd"),
                      QJsonObject{{QStringLiteral("V3Vector"), QString::fromLatin1(v.vector)},
                                  {QStringLiteral("V3Score"), v.tenths / 10.0}}}}},
                {QStringLiteral("PublishedDate"),
                 stamp(c.published,
                       0,
                       QStringLiteral("%1").arg(c.publishedMillis, 3, 10, QLatin1Char('0')))},
                {QStringLiteral("LastModifiedDate"), stamp(c.published + 3 * kDay)},
            };
            if (!c.fixedVersion.isEmpty())
                o.insert(QStringLiteral("FixedVersion"), c.fixedVersion);
            vulns.append(o);
        }
    }
    QJsonObject config{{QStringLiteral("Env"),
                        QJsonArray{QStringLiteral(
                            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")}}};
    if (im.userKey)
        config.insert(QStringLiteral("User"), im.user);
    const QString family = im.vendor;
    QJsonObject result{
        {QStringLiteral("Target"),
         QString(im.ref + QStringLiteral(" (%1 %2)").arg(family, im.osName))},
        {QStringLiteral("Class"), QStringLiteral("os-pkgs")},
        {QStringLiteral("Type"), family},
        {QStringLiteral("Vulnerabilities"), vulns},
    };
    if (im.packageList) {
        QJsonArray packages;
        std::set<QString> names{QStringLiteral("bash"), QStringLiteral("coreutils")};
        for (const int ci : im.cves)
            for (const QString &p : fleet.cves[std::size_t(ci)].packages)
                names.insert(p);
        for (const QString &p : names)
            packages.append(QJsonObject{{QStringLiteral("Name"), p},
                                        {QStringLiteral("Version"), QStringLiteral("1.0")}});
        result.insert(QStringLiteral("Packages"), packages);
    }
    const QJsonObject report{
        {QStringLiteral("SchemaVersion"), 2},
        {QStringLiteral("CreatedAt"),
         stamp(im.createdAt,
               im.createdOffset,
               QStringLiteral("%1").arg(123456789 + serial, 9, 10, QLatin1Char('0')))},
        {QStringLiteral("ArtifactName"), im.ref},
        {QStringLiteral("ArtifactType"), QStringLiteral("container_image")},
        {QStringLiteral("Metadata"),
         QJsonObject{
             {QStringLiteral("Size"), 80000000 + serial * 1000},
             {QStringLiteral("OS"),
              QJsonObject{{QStringLiteral("Family"), family}, {QStringLiteral("Name"), im.osName}}},
             {QStringLiteral("ImageID"), im.configDigest},
             {QStringLiteral("DiffIDs"),
              QJsonArray{QString(QStringLiteral("sha256:") + hex64(0x1a7e + serial, 1))}},
             {QStringLiteral("RepoTags"), QJsonArray{im.ref}},
             {QStringLiteral("RepoDigests"), QJsonArray{im.repoDigest}},
             {QStringLiteral("ImageConfig"),
              QJsonObject{{QStringLiteral("architecture"), QStringLiteral("amd64")},
                          {QStringLiteral("os"), QStringLiteral("linux")},
                          {QStringLiteral("config"), config}}},
         }},
        {QStringLiteral("Results"), QJsonArray{result}},
    };
    return json(report);
}

QJsonObject
securityContext(std::optional<qint64> user, std::optional<bool> nonRoot, bool privileged)
{
    QJsonObject sc;
    if (user)
        sc.insert(QStringLiteral("runAsUser"), *user);
    if (nonRoot)
        sc.insert(QStringLiteral("runAsNonRoot"), *nonRoot);
    if (privileged)
        sc.insert(QStringLiteral("privileged"), true);
    return sc;
}

std::string podList(const Fleet &fleet)
{
    QJsonArray items;
    for (const Pod &pod : fleet.pods) {
        const auto imageRef = [&](const K8sContainer &c) {
            return c.image >= 0 ? fleet.images[std::size_t(c.image)].ref : c.externalImage;
        };
        const auto imageId = [&](const K8sContainer &c) {
            if (!c.pulled)
                return QString();
            if (c.image < 0)
                return QString(c.externalImage.section(u':', 0, -2) + QStringLiteral("@sha256:") +
                               hex64(0xe7, 0xe7));
            const QString id = fleet.images[std::size_t(c.image)].repoDigest;
            return c.image % 3 == 0 ? QString(QStringLiteral("docker-pullable://") + id) : id;
        };
        const auto specOf = [&](const K8sContainer &c) {
            QJsonObject o{{QStringLiteral("name"), c.name},
                          {QStringLiteral("image"), imageRef(c)},
                          {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")}};
            QJsonObject port{{QStringLiteral("containerPort"), 8080},
                             {QStringLiteral("protocol"), QStringLiteral("TCP")}};
            if (c.hostPort)
                port.insert(QStringLiteral("hostPort"), c.hostPort);
            o.insert(QStringLiteral("ports"), QJsonArray{port});
            const QJsonObject sc = securityContext(c.runAsUser, c.runAsNonRoot, c.privileged);
            if (!sc.isEmpty())
                o.insert(QStringLiteral("securityContext"), sc);
            return o;
        };
        const auto statusOf = [&](const K8sContainer &c) {
            QJsonObject state;
            if (c.state == u"running")
                state.insert(QStringLiteral("running"),
                             QJsonObject{{QStringLiteral("startedAt"), stamp(c.startedAt)}});
            else if (c.state == u"terminated")
                state.insert(QStringLiteral("terminated"),
                             QJsonObject{{QStringLiteral("exitCode"), 0},
                                         {QStringLiteral("reason"), c.reason},
                                         {QStringLiteral("startedAt"), stamp(c.startedAt)},
                                         {QStringLiteral("finishedAt"), stamp(c.startedAt + 40)}});
            else
                state.insert(QStringLiteral("waiting"),
                             QJsonObject{{QStringLiteral("reason"), c.reason}});
            QJsonObject o{{QStringLiteral("name"), c.name},
                          {QStringLiteral("image"), imageRef(c)},
                          {QStringLiteral("imageID"), imageId(c)},
                          {QStringLiteral("ready"), c.state == u"running"},
                          {QStringLiteral("started"), c.state == u"running"},
                          {QStringLiteral("restartCount"), c.reason == u"CrashLoopBackOff" ? 5 : 0},
                          {QStringLiteral("state"), state}};
            if (c.reason == u"CrashLoopBackOff")
                o.insert(QStringLiteral("lastState"),
                         QJsonObject{
                             {QStringLiteral("terminated"),
                              QJsonObject{{QStringLiteral("exitCode"), 1},
                                          {QStringLiteral("reason"), QStringLiteral("Error")}}}});
            return o;
        };
        QJsonArray containers, statuses, inits, initStatuses;
        bool allRunning = true;
        for (const K8sContainer &c : pod.containers) {
            containers.append(specOf(c));
            statuses.append(statusOf(c));
            allRunning = allRunning && c.state == u"running";
        }
        for (const K8sContainer &c : pod.init) {
            inits.append(specOf(c));
            initStatuses.append(statusOf(c));
        }
        QJsonObject spec{
            {QStringLiteral("containers"), containers},
            {QStringLiteral("nodeName"), QStringLiteral("node-%1").arg(items.size() % 5)},
            {QStringLiteral("restartPolicy"), QStringLiteral("Always")}};
        if (!inits.isEmpty())
            spec.insert(QStringLiteral("initContainers"), inits);
        const QJsonObject podSc = securityContext(pod.runAsUser, pod.runAsNonRoot, false);
        spec.insert(QStringLiteral("securityContext"), podSc);
        QJsonObject status{
            {QStringLiteral("phase"),
             allRunning ? QStringLiteral("Running") : QStringLiteral("Pending")},
            {QStringLiteral("podIP"),
             QStringLiteral("10.244.%1.%2").arg(items.size() / 200).arg(items.size() % 200 + 2)},
            {QStringLiteral("containerStatuses"), statuses}};
        if (!initStatuses.isEmpty())
            status.insert(QStringLiteral("initContainerStatuses"), initStatuses);
        items.append(QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject{
                 {QStringLiteral("name"), pod.name},
                 {QStringLiteral("namespace"), pod.ns},
                 {QStringLiteral("labels"), stringObject(pod.labels)},
                 {QStringLiteral("ownerReferences"),
                  QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                         {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                         {QStringLiteral("name"), pod.owner},
                                         {QStringLiteral("controller"), true}}}}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), status},
        });
    }
    return json(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("List")},
        {QStringLiteral("items"), items},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString()}}}});
}

std::string serviceList(const Fleet &fleet)
{
    QJsonArray items;
    int serial = 0;
    for (const Service &s : fleet.services) {
        ++serial;
        QJsonObject port{{QStringLiteral("name"), QStringLiteral("http")},
                         {QStringLiteral("port"), 80},
                         {QStringLiteral("protocol"), QStringLiteral("TCP")},
                         {QStringLiteral("targetPort"), 8080}};
        if (s.nodePort)
            port.insert(QStringLiteral("nodePort"), 30000 + serial);
        QJsonObject spec{{QStringLiteral("type"), s.type},
                         {QStringLiteral("selector"), stringObject(s.selector)},
                         {QStringLiteral("ports"), QJsonArray{port}},
                         {QStringLiteral("clusterIP"),
                          QStringLiteral("10.96.%1.%2").arg(serial / 250).arg(serial % 250 + 1)}};
        if (!s.externalIps.isEmpty())
            spec.insert(QStringLiteral("externalIPs"), QJsonArray::fromStringList(s.externalIps));
        QJsonArray lb;
        for (const QString &ip : s.lbIps)
            lb.append(QJsonObject{{QStringLiteral("ip"), ip},
                                  {QStringLiteral("ipMode"), QStringLiteral("VIP")}});
        for (const QString &host : s.lbHostnames)
            lb.append(QJsonObject{{QStringLiteral("hostname"), host}});
        QJsonObject loadBalancer;
        if (!lb.isEmpty())
            loadBalancer.insert(QStringLiteral("ingress"), lb);
        items.append(QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("namespace"), s.ns}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("loadBalancer"), loadBalancer}}},
        });
    }
    return json(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                            {QStringLiteral("kind"), QStringLiteral("List")},
                            {QStringLiteral("items"), items}});
}

std::string ingressList(const Fleet &fleet)
{
    QJsonArray items;
    for (const Ingress &g : fleet.ingresses) {
        const QJsonObject backend{
            {QStringLiteral("service"),
             QJsonObject{{QStringLiteral("name"), g.service},
                         {QStringLiteral("port"), QJsonObject{{QStringLiteral("number"), 80}}}}}};
        items.append(QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("networking.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("Ingress")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), g.name}, {QStringLiteral("namespace"), g.ns}}},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("ingressClassName"), QStringLiteral("nginx")},
                 {QStringLiteral("tls"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("hosts"), QJsonArray{g.host}},
                      {QStringLiteral("secretName"), QString(g.name + QStringLiteral("-tls"))}}}},
                 {QStringLiteral("rules"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("host"), g.host},
                      {QStringLiteral("http"),
                       QJsonObject{{QStringLiteral("paths"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("path"), QStringLiteral("/")},
                                        {QStringLiteral("pathType"), QStringLiteral("Prefix")},
                                        {QStringLiteral("backend"), backend}}}}}}}}}}},
            {QStringLiteral("status"),
             QJsonObject{
                 {QStringLiteral("loadBalancer"),
                  QJsonObject{{QStringLiteral("ingress"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("ip"), QStringLiteral("203.0.113.200")}}}}}}}},
        });
    }
    return json(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                            {QStringLiteral("kind"), QStringLiteral("List")},
                            {QStringLiteral("items"), items}});
}

std::string dockerInspect(const Fleet &fleet)
{
    QJsonArray items;
    for (const DockerContainer &d : fleet.docker) {
        const Image &im = fleet.images[std::size_t(d.image)];
        const QString nanos = QStringLiteral("%1").arg(
            d.id.left(6).toUInt(nullptr, 16) % 1000000000, 9, 10, QLatin1Char('0'));
        QJsonObject ports{{QStringLiteral("9090/tcp"), QJsonValue::Null}};
        QJsonObject portBindings;
        if (!d.bindings.empty()) {
            QJsonArray b;
            for (const auto &[ip, port] : d.bindings)
                b.append(QJsonObject{{QStringLiteral("HostIp"), ip},
                                     {QStringLiteral("HostPort"), QString::number(port)}});
            portBindings.insert(QStringLiteral("8080/tcp"), b);
            if (d.running)
                ports.insert(QStringLiteral("8080/tcp"), b);
        }
        if (!d.running)
            ports = QJsonObject();
        items.append(QJsonObject{
            {QStringLiteral("Id"), d.id},
            {QStringLiteral("Created"), stamp(d.startedAt - kDay, 0, nanos)},
            {QStringLiteral("Name"), d.name},
            {QStringLiteral("Image"), im.configDigest},
            {QStringLiteral("RestartCount"), 0},
            {QStringLiteral("State"),
             QJsonObject{{QStringLiteral("Status"),
                          d.running ? QStringLiteral("running") : QStringLiteral("exited")},
                         {QStringLiteral("Running"), d.running},
                         {QStringLiteral("Paused"), false},
                         {QStringLiteral("ExitCode"), d.running ? 0 : 137},
                         {QStringLiteral("StartedAt"), stamp(d.startedAt, 0, nanos)},
                         {QStringLiteral("FinishedAt"),
                          d.running ? QStringLiteral("0001-01-01T00:00:00Z")
                                    : stamp(d.startedAt + 3 * kHour, 0, nanos)}}},
            {QStringLiteral("Config"),
             QJsonObject{{QStringLiteral("Image"), im.ref},
                         {QStringLiteral("User"), d.user},
                         {QStringLiteral("ExposedPorts"),
                          QJsonObject{{QStringLiteral("8080/tcp"), QJsonObject()},
                                      {QStringLiteral("9090/tcp"), QJsonObject()}}},
                         {QStringLiteral("Labels"),
                          QJsonObject{{QStringLiteral("com.docker.compose.project"),
                                       QStringLiteral("edge")}}}}},
            {QStringLiteral("HostConfig"),
             QJsonObject{{QStringLiteral("Privileged"), d.privileged},
                         {QStringLiteral("NetworkMode"), QStringLiteral("bridge")},
                         {QStringLiteral("PortBindings"), portBindings}}},
            {QStringLiteral("NetworkSettings"), QJsonObject{{QStringLiteral("Ports"), ports}}},
        });
    }
    return json(items);
}

std::string kevCatalog(const Fleet &fleet, std::int64_t now)
{
    QJsonArray entries;
    const auto entry = [&](const QString &id, bool ransomware, std::int64_t added) {
        const QString day =
            QDateTime::fromSecsSinceEpoch(added, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
        const QString due = QDateTime::fromSecsSinceEpoch(added + 21 * kDay, Qt::UTC)
                                .toString(QStringLiteral("yyyy-MM-dd"));
        entries.append(QJsonObject{
            {QStringLiteral("cveID"), id},
            {QStringLiteral("vendorProject"), QStringLiteral("Example ")},
            {QStringLiteral("product"), QStringLiteral("Library")},
            {QStringLiteral("vulnerabilityName"), QStringLiteral("Example Library Flaw")},
            {QStringLiteral("dateAdded"), day},
            {QStringLiteral("shortDescription"), QStringLiteral("A synthetic flaw.")},
            {QStringLiteral("requiredAction"),
             QStringLiteral("Apply mitigations per vendor instructions.")},
            {QStringLiteral("dueDate"), due},
            {QStringLiteral("knownRansomwareCampaignUse"),
             ransomware ? QStringLiteral("Known") : QStringLiteral("Unknown")},
            {QStringLiteral("notes"), QStringLiteral("https://example.com/advisory ; ")},
            {QStringLiteral("cwes"), QJsonArray{QStringLiteral("CWE-787")}},
        });
    };
    for (const auto &[id, ransomware] : fleet.extraKev)
        entry(id, ransomware, now - 400 * kDay);
    for (const Cve &c : fleet.cves)
        if (c.kev)
            entry(c.id, c.ransomware, std::min(c.published + 5 * kDay, now - kDay));
    return json(QJsonObject{
        {QStringLiteral("title"),
         QStringLiteral("CISA Catalog of Known Exploited Vulnerabilities")},
        {QStringLiteral("catalogVersion"), QStringLiteral("2025.06.30")},
        {QStringLiteral("dateReleased"), QStringLiteral("2025-06-30T15:00:59.1234Z")},
        {QStringLiteral("count"), qint64(entries.size() + 1000)},
        {QStringLiteral("vulnerabilities"), entries},
    });
}

std::string epssCsv(const Fleet &fleet)
{
    QString out = QStringLiteral(
        "#model_version:v2025.03.14,score_date:2025-06-30T00:00:00+0000\ncve,epss,percentile\n");
    for (const auto &[id, epss] : fleet.extraEpss)
        out += id + u',' + epss + QStringLiteral(",0.90000\n");
    for (const Cve &c : fleet.cves)
        if (!c.epss.isEmpty())
            out += c.id + u',' + c.epss +
                   QStringLiteral(",%1\n").arg(std::min(0.99999, c.epssValue * 3 + 0.1), 0, 'f', 5);
    return out.toStdString();
}

// ---------------------------------------------------------------------------------------
// Ground truth, from the generated inputs and the rules of docs/risk.md.

struct RuntimeTruth
{
    int containers = 0;
    bool exposed = false;
    bool privileged = false;
    bool root = false; // running: any container as root; else the image's configured user
    std::int64_t since = 0;
    std::set<QString> namespaces;
};

bool selects(const Service &s, const Pod &pod)
{
    if (s.ns != pod.ns || s.selector.empty())
        return false;
    for (const auto &[k, v] : s.selector) {
        const auto it = pod.labels.find(k);
        if (it == pod.labels.end() || it->second != v)
            return false;
    }
    return true;
}

bool publicHostIp(const QString &ip)
{
    if (ip.isEmpty() || ip == u"0.0.0.0" || ip == u"::")
        return true;
    if (ip.startsWith(u"127.") || ip == u"::1" || ip.startsWith(u"10.") ||
        ip.startsWith(u"192.168."))
        return false;
    return true; // the generator uses no other private range
}

std::vector<RuntimeTruth> runtimeTruth(const Fleet &fleet)
{
    std::vector<RuntimeTruth> out(fleet.images.size());
    const auto exposingService = [&](const Service &s) {
        if (s.type == u"NodePort" || !s.externalIps.isEmpty())
            return true;
        if (s.type == u"LoadBalancer" && !(s.lbIps.isEmpty() && s.lbHostnames.isEmpty()))
            return true;
        return std::any_of(fleet.ingresses.begin(), fleet.ingresses.end(), [&](const Ingress &g) {
            return g.ns == s.ns && g.service == s.name;
        });
    };
    const auto note = [](RuntimeTruth &t, std::int64_t started) {
        ++t.containers;
        if (t.since == 0 || started < t.since)
            t.since = started;
    };
    for (const Pod &pod : fleet.pods) {
        bool podExposed = false;
        for (const Service &s : fleet.services)
            podExposed = podExposed || (selects(s, pod) && exposingService(s));
        for (const K8sContainer &c : pod.containers) {
            if (c.image < 0 || c.state != u"running")
                continue;
            const Image &im = fleet.images[std::size_t(c.image)];
            RuntimeTruth &t = out[std::size_t(c.image)];
            note(t, c.startedAt);
            t.namespaces.insert(pod.ns);
            t.privileged = t.privileged || c.privileged;
            t.exposed = t.exposed || podExposed || c.hostPort > 0;
            const std::optional<qint64> uid = c.runAsUser ? c.runAsUser : pod.runAsUser;
            const bool nonRoot = c.runAsNonRoot.value_or(pod.runAsNonRoot.value_or(false));
            const bool root = uid ? *uid == 0 : nonRoot ? false : rootUser(im.user);
            t.root = t.root || root;
        }
    }
    for (const DockerContainer &d : fleet.docker) {
        if (!d.running)
            continue;
        RuntimeTruth &t = out[std::size_t(d.image)];
        note(t, d.startedAt);
        t.privileged = t.privileged || d.privileged;
        t.root = t.root || rootUser(d.user);
        for (const auto &[ip, port] : d.bindings)
            t.exposed = t.exposed || publicHostIp(ip);
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i].containers == 0)
            out[i].root = rootUser(fleet.images[i].user);
    return out;
}

struct FindingTruth
{
    int image = 0;
    int cve = 0;
    QString package;
    // The input factors.
    int band = 0;
    int tenths = 0;
    int kev = 0;
    int ransomware = 0;
    double epss = 0;
    int exposed = 0;
    int containers = 0;
    int privileged = 0; // while running
    int root = 0;       // while running
    std::int64_t exposureSeconds = 0;
};

bool atLeastAsBad(const FindingTruth &a, const FindingTruth &b)
{
    return a.band >= b.band && a.tenths >= b.tenths && a.kev >= b.kev &&
           a.ransomware >= b.ransomware && a.epss >= b.epss && a.exposed >= b.exposed &&
           a.containers >= b.containers && a.privileged >= b.privileged && a.root >= b.root &&
           a.exposureSeconds >= b.exposureSeconds;
}

// Which major factor makes `a` strictly worse than `b` (nullptr: none).
const char *majorlyWorse(const FindingTruth &a, const FindingTruth &b)
{
    if (a.kev > b.kev)
        return "kev";
    if (a.exposed > b.exposed)
        return "internetExposed";
    if (a.containers > 0 && b.containers == 0)
        return "running";
    if (a.band > b.band)
        return "severityBand";
    return nullptr;
}

QString describe(const Fleet &fleet, const FindingTruth &t)
{
    return QStringLiteral("%1 %2 %3 [band %4 cvss %5 kev %6 rw %7 epss %8 exposed %9 "
                          "containers %10 priv %11 root %12 exposureDays %13]")
        .arg(fleet.images[std::size_t(t.image)].ref, fleet.cves[std::size_t(t.cve)].id, t.package)
        .arg(t.band)
        .arg(t.tenths / 10.0)
        .arg(t.kev)
        .arg(t.ransomware)
        .arg(t.epss)
        .arg(t.exposed)
        .arg(t.containers)
        .arg(t.privileged)
        .arg(t.root)
        .arg(double(t.exposureSeconds) / kDay, 0, 'f', 3);
}

QString ssvc(int exploitation, bool automatable, bool total, int mission)
{
    // docs/risk.md, SSVC decision table: [exploitation][automatable][total][mission].
    static const char *const table[3][2][2][3] = {
        {{{"Track", "Track", "Track"}, {"Track", "Track", "Track*"}},
         {{"Track", "Track", "Attend"}, {"Track", "Track", "Attend"}}},
        {{{"Track", "Track", "Track*"}, {"Track", "Track*", "Attend"}},
         {{"Track", "Track", "Attend"}, {"Track", "Track*", "Attend"}}},
        {{{"Track", "Track", "Attend"}, {"Track", "Attend", "Act"}},
         {{"Attend", "Attend", "Act"}, {"Attend", "Act", "Act"}}},
    };
    return QString::fromLatin1(table[exploitation][automatable][total][mission]);
}

// Prints the first mismatches (one line each, so nothing is cut); true when there is none.
bool printed(const QStringList &mismatches)
{
    constexpr qsizetype kShown = 25;
    for (qsizetype i = 0; i < std::min(kShown, mismatches.size()); ++i)
        qInfo("%s", qPrintable(mismatches[i]));
    if (mismatches.size() > kShown)
        qInfo("... and %lld more", static_cast<long long>(mismatches.size() - kShown));
    return mismatches.isEmpty();
}

int matrixIndex(int band) // critical, high, medium, low, unknown
{
    return band >= 1 && band <= 4 ? 4 - band : 4;
}

} // namespace

class TestFleetRanking : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::int64_t m_now = *parseTimestamp("2025-07-01T00:00:00Z");
    Fleet m_fleet;
    std::vector<RuntimeTruth> m_runtime;
    std::unique_ptr<store::Workspace> m_ws;
    std::optional<risk::Facts> m_facts;
    std::optional<risk::Scoring> m_scoring;
    std::vector<FindingTruth> m_truth; // per finding of the fact table
    std::vector<int> m_factsImage;
    std::vector<ingest::FileRead>
        m_files; // as read, in import order     // fleet image -> Facts::images index

    void writeFile(const QString &relative, const std::string &bytes, QStringList &paths)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
            qFatal("cannot write %s", qPrintable(path));
        paths << path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The CVSS menu scores as stated, and the privilege multiplier (C:H and I:H) never
        // decreases with the score.
        for (const VectorChoice &v : kVectors) {
            const auto parsed = cvss::Vector::parse(v.vector);
            QVERIFY2(parsed, v.vector);
            QCOMPARE(int(cvss::score(*parsed).base), v.tenths);
            QCOMPARE(int(cvss::severityOf(cvss::Version::V3_1, cvss::Tenths(v.tenths))), v.band);
        }
        for (const VectorChoice &a : kVectors)
            for (const VectorChoice &b : kVectors)
                if (a.tenths >= b.tenths)
                    QVERIFY(a.totalImpact >= b.totalImpact);

        m_fleet = generate(m_now);
        m_runtime = runtimeTruth(m_fleet);

        QStringList paths;
        for (std::size_t i = 0; i < m_fleet.images.size(); ++i)
            writeFile(QStringLiteral("reports/trivy-%1.json").arg(i, 2, 10, QLatin1Char('0')),
                      trivyReport(m_fleet, m_fleet.images[i], int(i)),
                      paths);
        writeFile(QStringLiteral("cluster/pods.json"), podList(m_fleet), paths);
        writeFile(QStringLiteral("cluster/services.json"), serviceList(m_fleet), paths);
        writeFile(QStringLiteral("cluster/ingresses.json"), ingressList(m_fleet), paths);
        writeFile(QStringLiteral("hosts/docker-inspect.json"), dockerInspect(m_fleet), paths);
        writeFile(QStringLiteral("feeds/known_exploited_vulnerabilities.json"),
                  kevCatalog(m_fleet, m_now),
                  paths);
        writeFile(QStringLiteral("feeds/epss_scores-2025-06-30.csv"), epssCsv(m_fleet), paths);

        std::vector<ingest::FileRead> &files = m_files;
        for (const QString &p : paths) {
            auto r = ingest::readFile(p.toStdString());
            QVERIFY2(r, r ? "" : r.error().c_str());
            files.push_back(std::move(*r));
        }
        auto ws = store::Workspace::open(m_dir.filePath(QStringLiteral("ws.db")).toStdString());
        QVERIFY2(ws, ws ? "" : ws.error().c_str());
        m_ws = std::move(*ws);
        store::ImportOptions options;
        options.now = m_now;
        const auto summary = m_ws->import(files, options);
        QVERIFY2(summary, summary ? "" : summary.error().c_str());

        auto facts = m_ws->loadFacts(m_now);
        QVERIFY2(facts, facts ? "" : facts.error().c_str());
        m_facts = std::move(*facts);
        m_scoring = risk::Scoring::compute(*m_facts, risk::defaultPolicy());

        // Map the fact table back to the generated inputs.
        std::map<std::string, int> imageByRef;
        for (std::size_t i = 0; i < m_fleet.images.size(); ++i)
            imageByRef[m_fleet.images[i].ref.toStdString()] = int(i);
        m_factsImage.assign(m_fleet.images.size(), -1);
        for (std::size_t i = 0; i < m_facts->images.size(); ++i)
            if (const auto it = imageByRef.find(m_facts->images[i].name); it != imageByRef.end())
                m_factsImage[std::size_t(it->second)] = int(i);
        for (std::size_t i = 0; i < m_fleet.images.size(); ++i)
            QVERIFY2(m_factsImage[i] >= 0, qPrintable(m_fleet.images[i].ref));

        std::map<QString, int> cveById;
        for (std::size_t i = 0; i < m_fleet.cves.size(); ++i)
            cveById[m_fleet.cves[i].id] = int(i);
        std::set<std::tuple<int, int, QString>> expected, seen;
        for (std::size_t i = 0; i < m_fleet.images.size(); ++i)
            for (const int c : m_fleet.images[i].cves)
                for (const QString &p : m_fleet.cves[std::size_t(c)].packages)
                    expected.insert({int(i), c, p});

        const risk::Facts &f = *m_facts;
        m_truth.resize(f.size());
        for (std::size_t k = 0; k < f.size(); ++k) {
            const auto image = imageByRef.find(f.images[f.image[k]].name);
            QVERIFY(image != imageByRef.end());
            const auto cve = cveById.find(QString::fromStdString(f.vulns[f.vuln[k]].id));
            QVERIFY(cve != cveById.end());
            FindingTruth &t = m_truth[k];
            t.image = image->second;
            t.cve = cve->second;
            t.package = QString::fromStdString(f.strings[f.package[k]]);
            QVERIFY2(seen.insert({t.image, t.cve, t.package}).second, "duplicate finding");
            const Cve &c = m_fleet.cves[std::size_t(t.cve)];
            const Image &im = m_fleet.images[std::size_t(t.image)];
            const RuntimeTruth &rt = m_runtime[std::size_t(t.image)];
            t.band = c.band();
            t.tenths = kVectors[c.vector].tenths;
            t.kev = c.kev;
            t.ransomware = c.ransomware;
            t.epss = c.epss.isEmpty() ? 0 : c.epssValue;
            t.exposed = rt.exposed;
            t.containers = rt.containers;
            t.privileged = rt.containers > 0 && rt.privileged;
            t.root = rt.containers > 0 && rt.root;
            t.exposureSeconds =
                rt.containers > 0
                    ? std::max<std::int64_t>(0, m_now - std::max(im.createdAt, rt.since))
                    : 0;
        }
        QCOMPARE(seen, expected);

        // What was generated.
        int running = 0, exposed = 0, priv = 0, root = 0, kev = 0, rw = 0, epss = 0;
        for (const RuntimeTruth &r : m_runtime) {
            running += r.containers > 0;
            exposed += r.exposed;
            priv += r.privileged;
            root += r.containers > 0 && r.root;
        }
        for (const Cve &c : m_fleet.cves) {
            kev += c.kev;
            rw += c.ransomware;
            epss += !c.epss.isEmpty();
        }
        int dockerRunning = 0;
        for (const DockerContainer &d : m_fleet.docker)
            dockerRunning += d.running;
        qInfo("fleet: %zu images (%d running, %d internet exposed, %d privileged, %d running as "
              "root), %zu findings; %zu CVEs (%d in KEV, %d ransomware, %d with EPSS); %zu pods, "
              "%zu services, %zu ingresses, %zu docker containers (%d running)",
              m_fleet.images.size(),
              running,
              exposed,
              priv,
              root,
              f.size(),
              m_fleet.cves.size(),
              kev,
              rw,
              epss,
              m_fleet.pods.size(),
              m_fleet.services.size(),
              m_fleet.ingresses.size(),
              m_fleet.docker.size(),
              dockerRunning);
        // The fleet must exercise every kind of runtime, or the checks below prove little.
        QVERIFY(running >= 15 && running <= 35);
        QVERIFY(exposed >= 8 && exposed < running);
        QVERIFY(priv >= 2 && root >= 5 && running - root >= 5);
        QVERIFY(kev >= 5 && rw >= 2 && epss >= 20);

        // … including the inputs that look like exposure or running but are not.
        std::map<QString, int> cases;
        for (const Pod &pod : m_fleet.pods) {
            for (const K8sContainer &c : pod.containers)
                if (c.image >= 0 && c.state != u"running")
                    ++cases[QStringLiteral("pod ") + c.reason];
            for (const K8sContainer &c : pod.init)
                cases[QStringLiteral("terminated init container")] += c.image >= 0;
            if (pod.runAsNonRoot || pod.runAsUser)
                ++cases[QStringLiteral("pod-level securityContext")];
        }
        for (const Service &svc : m_fleet.services) {
            if (svc.type == u"LoadBalancer" && svc.lbIps.isEmpty() && svc.lbHostnames.isEmpty())
                ++cases[QStringLiteral("LoadBalancer without address")];
            if (!svc.lbHostnames.isEmpty())
                ++cases[QStringLiteral("LoadBalancer hostname")];
            if (!svc.externalIps.isEmpty())
                ++cases[QStringLiteral("externalIPs")];
            if (svc.name.endsWith(u"-mirror"))
                ++cases[QStringLiteral("Service in another namespace")];
            if (svc.name.endsWith(u"-debug"))
                ++cases[QStringLiteral("selector not matching")];
        }
        for (const Ingress &g : m_fleet.ingresses)
            ++cases[g.host.endsWith(u".other.example.com")
                        ? QStringLiteral("Ingress in another namespace")
                        : QStringLiteral("Ingress")];
        for (const DockerContainer &d : m_fleet.docker) {
            if (!d.running)
                ++cases[QStringLiteral("docker stopped")];
            for (const auto &[ip, port] : d.bindings)
                ++cases[QStringLiteral("docker HostIp '%1'").arg(ip)];
        }
        for (const Image &im : m_fleet.images)
            if (!im.userKey)
                ++cases[QStringLiteral("image config without User")];
        QStringList c;
        for (const auto &[what, count] : cases)
            c << QStringLiteral("%1 %2").arg(what).arg(count);
        qInfo("cases: %s", qPrintable(c.join(QStringLiteral(", "))));
        for (const char *what : {"pod CreateContainerConfigError",
                                 "pod CrashLoopBackOff",
                                 "pod ImagePullBackOff",
                                 "terminated init container",
                                 "pod-level securityContext",
                                 "LoadBalancer without address",
                                 "LoadBalancer hostname",
                                 "externalIPs",
                                 "Service in another namespace",
                                 "selector not matching",
                                 "Ingress",
                                 "Ingress in another namespace",
                                 "docker stopped",
                                 "docker HostIp '127.0.0.1'",
                                 "docker HostIp '0.0.0.0'",
                                 "image config without User"})
            QVERIFY2(cases[QString::fromLatin1(what)] > 0, what);
    }

    // 1. Runtime facts per image, and exposure days per finding.
    void exposureFacts()
    {
        const risk::Facts &f = *m_facts;
        QStringList mismatches;
        for (std::size_t i = 0; i < m_fleet.images.size(); ++i) {
            const risk::ImageFacts &got = f.images[std::size_t(m_factsImage[i])];
            const RuntimeTruth &want = m_runtime[i];
            const QString ref = m_fleet.images[i].ref;
            if (got.runningContainers != want.containers)
                mismatches << QStringLiteral("%1: runningContainers %2, expected %3")
                                  .arg(ref)
                                  .arg(got.runningContainers)
                                  .arg(want.containers);
            if (got.internetExposed != want.exposed)
                mismatches << QStringLiteral("%1: internetExposed %2, expected %3")
                                  .arg(ref)
                                  .arg(got.internetExposed)
                                  .arg(want.exposed);
            if (got.privileged != (want.containers > 0 && want.privileged))
                mismatches << QStringLiteral("%1: privileged %2, expected %3")
                                  .arg(ref)
                                  .arg(got.privileged)
                                  .arg(want.privileged);
            const risk::Tri root = want.root ? risk::Tri::Yes : risk::Tri::No;
            if (got.runsAsRoot != root)
                mismatches << QStringLiteral("%1: runsAsRoot %2, expected %3")
                                  .arg(ref)
                                  .arg(int(got.runsAsRoot))
                                  .arg(int(root));
            std::set<QString> namespaces;
            for (const std::string &ns : got.namespaces)
                namespaces.insert(QString::fromStdString(ns));
            if (namespaces != want.namespaces)
                mismatches << QStringLiteral("%1: namespaces differ").arg(ref);
        }
        for (std::size_t k = 0; k < f.size(); ++k) {
            const FindingTruth &t = m_truth[k];
            const risk::FindingRisk r = risk::findingRisk(*m_scoring, k);
            const QString what = describe(m_fleet, t);
            if (r.internetExposed != bool(t.exposed) || r.privileged != bool(t.privileged))
                mismatches << QStringLiteral("findingRisk exposure/privilege of %1").arg(what);
            const double days = double(t.exposureSeconds) / kDay;
            if (std::abs(r.exposureDays - days) > 1e-4)
                mismatches << QStringLiteral("exposureDays %1 of %2")
                                  .arg(r.exposureDays, 0, 'f', 4)
                                  .arg(what);
        }
        QVERIFY2(printed(mismatches),
                 qPrintable(QStringLiteral("%1 mismatches").arg(mismatches.size())));
    }

    // 2. Dominance: at least as bad on every factor and worse on a major one ranks first.
    void dominance()
    {
        const risk::Scoring &s = *m_scoring;
        const std::size_t n = m_truth.size();
        long strictPairs = 0, weakPairs = 0;
        std::map<QString, long> byReason;
        QStringList violations;
        long violationCount = 0;
        for (std::size_t a = 0; a < n; ++a) {
            QVERIFY(s.isOpen(a));
            for (std::size_t b = 0; b < n; ++b) {
                if (a == b || !atLeastAsBad(m_truth[a], m_truth[b]))
                    continue;
                ++weakPairs;
                const float ra = s.risk(a), rb = s.risk(b);
                if (!(ra >= rb)) {
                    ++violationCount;
                    if (violations.size() < 10)
                        violations << QStringLiteral("weak: risk %1 < %2\n  a = %3\n  b = %4")
                                          .arg(ra, 0, 'f', 3)
                                          .arg(rb, 0, 'f', 3)
                                          .arg(describe(m_fleet, m_truth[a]),
                                               describe(m_fleet, m_truth[b]));
                }
                const char *reason = majorlyWorse(m_truth[a], m_truth[b]);
                if (!reason)
                    continue;
                ++strictPairs;
                ++byReason[QString::fromLatin1(reason)];
                if (!(ra > rb) || !(s.rank(a) < s.rank(b))) {
                    ++violationCount;
                    if (violations.size() < 10)
                        violations << QStringLiteral("strict (%1): risk %2 vs %3, rank %4 vs "
                                                     "%5\n  a = %6\n  b = %7")
                                          .arg(QString::fromLatin1(reason))
                                          .arg(ra, 0, 'f', 3)
                                          .arg(rb, 0, 'f', 3)
                                          .arg(s.rank(a))
                                          .arg(s.rank(b))
                                          .arg(describe(m_fleet, m_truth[a]),
                                               describe(m_fleet, m_truth[b]));
                }
            }
        }
        QStringList reasons;
        for (const auto &[r, count] : byReason)
            reasons << QStringLiteral("%1 %2").arg(r).arg(count);
        qInfo("dominance: %zu findings, %ld weak pairs (>= on every factor), %ld strict pairs "
              "(first major difference: %s), %ld violations",
              n,
              weakPairs,
              strictPairs,
              qPrintable(reasons.join(QStringLiteral(", "))),
              violationCount);
        QVERIFY2(printed(violations),
                 qPrintable(QStringLiteral("%1 violations").arg(violationCount)));
        QVERIFY(strictPairs > 500);
        QVERIFY(weakPairs > strictPairs);
        for (const char *r : {"kev", "internetExposed", "running", "severityBand"})
            QVERIFY2(byReason[QString::fromLatin1(r)] >= 20, r);
    }

    // 3. Container Health Index grades from open, fixable Critical/High findings.
    void grades()
    {
        const std::vector<risk::ImageSummary> summaries = m_scoring->images();
        constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
        static constexpr std::int64_t limits[4][2] = {{7, 30}, {30, 90}, {90, 365}, {365, 365}};
        std::map<char, int> histogram;
        QStringList mismatches;
        for (std::size_t i = 0; i < m_fleet.images.size(); ++i) {
            const Image &im = m_fleet.images[i];
            std::int64_t critical = 0, high = 0;
            int open = 0;
            std::array<int, 5> byBand{};
            for (const int ci : im.cves) {
                const Cve &c = m_fleet.cves[std::size_t(ci)];
                open += int(c.packages.size());
                byBand[std::size_t(c.band())] += int(c.packages.size());
                if (c.fixedVersion.isEmpty() || c.band() < 3)
                    continue;
                std::int64_t &oldest = c.band() == 4 ? critical : high;
                if (oldest == 0 || c.published < oldest)
                    oldest = c.published;
            }
            char grade = 'F';
            std::int64_t drop = 0;
            if (critical == 0 && high == 0) {
                grade = 'A';
            } else {
                for (int g = 0; g < 4; ++g) {
                    const std::int64_t lc = limits[g][0] * kDay, lh = limits[g][1] * kDay;
                    if ((critical && m_now - critical > lc) || (high && m_now - high > lh))
                        continue;
                    grade = char('B' + g);
                    drop = std::min(critical ? critical + lc : kNever, high ? high + lh : kNever);
                    break;
                }
            }
            ++histogram[grade];
            const risk::ImageSummary &got = summaries[std::size_t(m_factsImage[i])];
            QCOMPARE(got.image, std::uint32_t(m_factsImage[i]));
            if (got.grade != grade || got.nextGradeDrop != drop)
                mismatches << QStringLiteral("%1: grade %2 (drop %3), expected %4 (drop %5); "
                                             "oldest critical fix %6, high %7")
                                  .arg(im.ref)
                                  .arg(QChar::fromLatin1(got.grade))
                                  .arg(QString::fromStdString(formatTimestamp(got.nextGradeDrop)))
                                  .arg(QChar::fromLatin1(grade))
                                  .arg(QString::fromStdString(formatTimestamp(drop)))
                                  .arg(QString::fromStdString(formatTimestamp(critical)),
                                       QString::fromStdString(formatTimestamp(high)));
            const auto &bs = got.bySeverity;
            using S = model::Severity;
            if (got.openFindings != open || bs[std::size_t(S::Critical)] != byBand[4] ||
                bs[std::size_t(S::High)] != byBand[3] || bs[std::size_t(S::Medium)] != byBand[2] ||
                bs[std::size_t(S::Low)] != byBand[1])
                mismatches << QStringLiteral("%1: open findings by severity differ").arg(im.ref);
        }
        QStringList h;
        for (const auto &[g, count] : histogram)
            h << QStringLiteral("%1 %2").arg(QChar::fromLatin1(g)).arg(count);
        qInfo("grades: %s", qPrintable(h.join(QStringLiteral(", "))));
        QVERIFY2(printed(mismatches),
                 qPrintable(QStringLiteral("%1 mismatches").arg(mismatches.size())));
        QCOMPARE(histogram.size(), std::size_t(6)); // the fleet spans the grades A-F
    }

    // 4. NVD × debian matrix: rows the band of NVD's CVSS score, columns debian's rating
    // (unknown for CVEs only ubuntu images report).
    void matrix()
    {
        std::array<std::array<int, 5>, 5> distinct{}, findings{};
        std::set<int> reported, ratedByDebian;
        for (const Image &im : m_fleet.images)
            for (const int ci : im.cves) {
                reported.insert(ci);
                if (im.vendor == u"debian")
                    ratedByDebian.insert(ci);
            }
        std::vector<std::pair<int, int>> cellOf(m_fleet.cves.size());
        for (const int ci : reported) {
            const int band = m_fleet.cves[std::size_t(ci)].band();
            const int row = matrixIndex(band);
            const int column = matrixIndex(ratedByDebian.count(ci) ? band : 0);
            cellOf[std::size_t(ci)] = {row, column};
            ++distinct[std::size_t(row)][std::size_t(column)];
        }
        for (const Image &im : m_fleet.images)
            for (const int ci : im.cves) {
                const auto [row, column] = cellOf[std::size_t(ci)];
                findings[std::size_t(row)][std::size_t(column)] +=
                    int(m_fleet.cves[std::size_t(ci)].packages.size());
            }
        const risk::SeverityMatrix m = m_scoring->matrix("debian");
        QCOMPARE(m.vendor, std::string("debian"));
        QVERIFY(std::find(m.vendors.begin(), m.vendors.end(), "debian") != m.vendors.end());
        QVERIFY(std::find(m.vendors.begin(), m.vendors.end(), "ubuntu") != m.vendors.end());
        const auto show = [](const char *what, const std::array<std::array<int, 5>, 5> &cells) {
            QString out = QString::fromLatin1(what) +
                          QStringLiteral(" (rows NVD, columns debian: crit high med low unk)");
            for (const auto &row : cells) {
                out += QStringLiteral("\n   ");
                for (const int n : row)
                    out += QStringLiteral(" %1").arg(n, 4);
            }
            return out;
        };
        if (m.distinctVulnerabilities != distinct || m.findings != findings) {
            qInfo("%s", qPrintable(show("expected distinct vulnerabilities", distinct)));
            qInfo("%s",
                  qPrintable(show("actual distinct vulnerabilities", m.distinctVulnerabilities)));
            qInfo("%s", qPrintable(show("expected findings", findings)));
            qInfo("%s", qPrintable(show("actual findings", m.findings)));
        }
        QVERIFY2(m.distinctVulnerabilities == distinct, "distinct vulnerabilities differ");
        QVERIFY2(m.findings == findings, "findings differ");
        int unknownColumn = 0;
        for (int r = 0; r < 5; ++r)
            unknownColumn += distinct[std::size_t(r)][4];
        QVERIFY(unknownColumn > 0); // some CVEs are only in ubuntu images
    }

    // 5. Per finding: effective severity (vendor first), CVSS, SSVC decision, SLA.
    void severityDecisionAndSla()
    {
        static constexpr int slaDays[5] = {120, 120, 90, 30, 7}; // by band
        QStringList mismatches;
        std::map<QString, int> decisions;
        for (std::size_t k = 0; k < m_truth.size(); ++k) {
            const FindingTruth &t = m_truth[k];
            const Cve &c = m_fleet.cves[std::size_t(t.cve)];
            const Image &im = m_fleet.images[std::size_t(t.image)];
            const VectorChoice &v = kVectors[c.vector];
            const risk::FindingRisk r = risk::findingRisk(*m_scoring, k);
            const QString what = describe(m_fleet, t);
            if (r.effectiveSeverity != kBandLower[t.band] ||
                r.severitySource != im.vendor.toStdString())
                mismatches << QStringLiteral("severity %1 (%2) of %3")
                                  .arg(QString::fromStdString(r.effectiveSeverity),
                                       QString::fromStdString(r.severitySource),
                                       what);
            if (r.cvss.scoredTenths != v.tenths || r.cvssSource != "nvd")
                mismatches << QStringLiteral("cvss %1 of %2").arg(r.cvss.scoredTenths).arg(what);
            if (r.ransomware != c.ransomware)
                mismatches << QStringLiteral("ransomware of %1").arg(what);
            const int exploitation = c.kev ? 2 : t.epss >= 0.1 ? 1 : 0;
            const int mission = t.containers == 0 ? 0 : t.exposed ? 2 : 1;
            const QString decision = ssvc(exploitation, v.automatable, v.totalImpact, mission);
            ++decisions[decision];
            if (QString::fromStdString(r.decision) != decision)
                mismatches << QStringLiteral("decision %1, expected %2, of %3")
                                  .arg(QString::fromStdString(r.decision), decision, what);
            const std::int64_t due = im.createdAt + slaDays[t.band] * kDay;
            if (r.slaDue != due || r.slaBreached != (m_now > due))
                mismatches << QStringLiteral("slaDue %1, expected %2, of %3")
                                  .arg(QString::fromStdString(formatTimestamp(r.slaDue)),
                                       QString::fromStdString(formatTimestamp(due)),
                                       what);
        }
        QStringList d;
        for (const auto &[name, count] : decisions)
            d << QStringLiteral("%1 %2").arg(name).arg(count);
        qInfo("decisions: %s", qPrintable(d.join(QStringLiteral(", "))));
        QVERIFY2(printed(mismatches),
                 qPrintable(QStringLiteral("%1 mismatches").arg(mismatches.size())));
    }

    // 6. The same files imported one per import() instead of all in one: the facts that come
    // from the files (vulnerability ratings and CVSS records) and the scores must not depend
    // on how the files were batched.
    void batchingDoesNotChangeFacts()
    {
        auto ws = store::Workspace::open(
            m_dir.filePath(QStringLiteral("ws-one-by-one.db")).toStdString());
        QVERIFY2(ws, ws ? "" : ws.error().c_str());
        store::ImportOptions options;
        options.now = m_now;
        for (const ingest::FileRead &file : m_files) {
            const auto summary = (*ws)->import({file}, options);
            QVERIFY2(summary, summary ? "" : summary.error().c_str());
        }
        const auto facts = (*ws)->loadFacts(m_now);
        QVERIFY2(facts, facts ? "" : facts.error().c_str());
        const risk::Scoring scoring = risk::Scoring::compute(*facts, risk::defaultPolicy());

        const auto ratingsOf = [](const risk::Facts &f) {
            std::map<std::string, std::set<std::string>> out;
            for (const risk::VulnFacts &v : f.vulns) {
                auto &set = out[v.id];
                for (const risk::RatingFact &r : v.ratings)
                    set.insert(f.sources[r.source] + "=" +
                               std::string(model::severityKey(r.severity)));
                for (const risk::CvssFact &c : v.cvss)
                    set.insert(f.sources[c.source] + " " + f.strings[c.vectorText]);
            }
            return out;
        };
        const auto scoresOf = [](const risk::Scoring &s) {
            const risk::Facts &f = s.facts();
            std::map<std::string, std::string> out;
            for (std::size_t k = 0; k < f.size(); ++k)
                out[f.images[f.image[k]].name + " " + f.vulns[f.vuln[k]].id + " " +
                    f.strings[f.package[k]]] =
                    QStringLiteral("%1 %2 (%3)")
                        .arg(s.risk(k), 0, 'f', 3)
                        .arg(QString::fromLatin1(model::severityKey(s.severity(k))),
                             QString::fromUtf8(s.severitySource(k)))
                        .toStdString();
            return out;
        };
        QStringList differences;
        const auto batched = ratingsOf(*m_facts), oneByOne = ratingsOf(*facts);
        for (const auto &[id, ratings] : oneByOne) {
            const auto it = batched.find(id);
            const std::set<std::string> none;
            const std::set<std::string> &other = it == batched.end() ? none : it->second;
            if (other == ratings)
                continue;
            QStringList a, b;
            for (const std::string &r : other)
                a << QString::fromStdString(r);
            for (const std::string &r : ratings)
                b << QString::fromStdString(r);
            differences << QStringLiteral("%1: one import {%2}, one file per import {%3}")
                               .arg(QString::fromStdString(id),
                                    a.join(QStringLiteral(", ")),
                                    b.join(QStringLiteral(", ")));
        }
        const auto scoresBatched = scoresOf(*m_scoring), scoresOneByOne = scoresOf(scoring);
        QCOMPARE(scoresBatched.size(), scoresOneByOne.size());
        for (const auto &[key, score] : scoresOneByOne)
            if (scoresBatched.at(key) != score)
                differences << QStringLiteral("%1: one import %2, one file per import %3")
                                   .arg(QString::fromStdString(key),
                                        QString::fromStdString(scoresBatched.at(key)),
                                        QString::fromStdString(score));
        QVERIFY2(printed(differences),
                 qPrintable(QStringLiteral("%1 differences").arg(differences.size())));
    }
};

QTEST_GUILESS_MAIN(TestFleetRanking)
#include "tst_fleetranking.moc"
