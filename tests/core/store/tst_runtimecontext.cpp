// SPDX-License-Identifier: GPL-3.0-or-later
// Runtime context from inventories, through a real import and Workspace::loadFacts():
// running containers, internet exposure and its reasons, privilege, root, shell, and the
// current-inventory rule; then the ranking consequences under the default policy.

#include "fleet.h"
#include "ingest/reader.h"
#include "risk/engine.h"
#include "store/workspace.h"
#include "synthetic.h"
#include "util/timestamp.h"

#include <QTemporaryDir>
#include <QTest>

using namespace patchwise;
using synthetic::read;

namespace {

const risk::ImageFacts &imageNamed(const risk::Facts &facts, int n)
{
    const std::string name = "registry.example/app" + std::to_string(n) + ":1.0";
    for (const risk::ImageFacts &image : facts.images)
        if (image.name == name)
            return image;
    qFatal("no image %s", name.c_str());
}

bool anyReasonContains(const risk::ImageFacts &image, const std::string &text)
{
    for (const std::string &r : image.exposureReasons)
        if (r.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestRuntimeContext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::int64_t m_now = *parseTimestamp("2025-07-01T00:00:00Z");

    std::unique_ptr<store::Workspace> fleetWorkspace()
    {
        auto ws = store::Workspace::open(m_path);
        if (!ws)
            qFatal("%s", ws.error().c_str());
        const QList<fleet::Vuln> same{fleet::Vuln{QStringLiteral("CVE-2025-0001")}};
        std::vector<ingest::FileRead> files;
        files.push_back(
            read("t1.json", fleet::trivy(1, same, QString(), {QStringLiteral("bash")})));
        files.push_back(read("t2.json", fleet::trivy(2, same)));
        files.push_back(read("t3.json", fleet::trivy(3, same)));
        files.push_back(read("t4.json",
                             fleet::trivy(4,
                                          same,
                                          QStringLiteral("app"),
                                          {QStringLiteral("libc6"), QStringLiteral("openssl")})));
        files.push_back(read("t5.json", fleet::trivy(5, same)));
        files.push_back(read("t6.json", fleet::trivy(6, same)));
        files.push_back(read("t7.json", fleet::trivy(7, same)));
        files.push_back(read("pods.json", fleet::pods()));
        files.push_back(read("svc.json", fleet::services()));
        files.push_back(read("ing.json", fleet::ingresses()));
        files.push_back(read("docker.json", fleet::docker()));
        const auto summary = (*ws)->import(files, {});
        if (!summary)
            qFatal("%s", summary.error().c_str());
        return std::move(*ws);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path =
            m_dir
                .filePath(
                    QStringLiteral("ws-%1.db").arg(QLatin1String(QTest::currentTestFunction())))
                .toStdString();
    }

    void runningAndExposure()
    {
        auto ws = fleetWorkspace();
        const auto facts = ws->loadFacts(m_now);
        QVERIFY2(facts, facts ? "" : facts.error().c_str());
        QCOMPARE(facts->images.size(), std::size_t(7));

        const risk::ImageFacts &web = imageNamed(*facts, 1);
        QCOMPARE(web.runningContainers, 2);
        QVERIFY(web.internetExposed);
        QVERIFY(anyReasonContains(web, "LoadBalancer (203.0.113.10)"));
        QCOMPARE(web.namespaces, std::vector<std::string>{"shop"});
        QCOMPARE(web.runningSince, *parseTimestamp("2025-06-05T00:00:00Z")); // the earlier pod
        QVERIFY(!web.privileged);
        QCOMPARE(web.runsAsRoot, risk::Tri::Yes); // no securityContext, image user ""
        QCOMPARE(web.shell, risk::Tri::Yes);      // bash in the package list

        const risk::ImageFacts &admin = imageNamed(*facts, 2);
        QCOMPARE(admin.runningContainers, 1);
        QVERIFY(admin.internetExposed);
        QVERIFY(anyReasonContains(admin, "Ingress shop/admin"));
        QVERIFY(anyReasonContains(admin, "admin.example.com"));
        QVERIFY(admin.privileged);
        QCOMPARE(admin.runsAsRoot, risk::Tri::Yes);
        QCOMPARE(admin.shell, risk::Tri::Unknown); // no package list: unknown, not "no"

        const risk::ImageFacts &job = imageNamed(*facts, 3);
        QVERIFY(job.internetExposed);
        QVERIFY(anyReasonContains(job, "NodePort"));
        QCOMPARE(job.runsAsRoot, risk::Tri::No); // runAsNonRoot
        QCOMPARE(job.namespaces, std::vector<std::string>{"batch"});

        const risk::ImageFacts &edge = imageNamed(*facts, 4);
        QVERIFY(edge.internetExposed);
        QVERIFY(anyReasonContains(edge, "publishes 8443->443/tcp"));
        QCOMPARE(edge.runsAsRoot, risk::Tri::No); // image user "app"
        QCOMPARE(edge.shell, risk::Tri::No);      // full package list without a shell

        const risk::ImageFacts &cache = imageNamed(*facts, 5);
        QCOMPARE(cache.runningContainers, 1);
        QVERIFY(!cache.internetExposed); // published on 127.0.0.1 only
        QVERIFY(cache.exposureReasons.empty());
        QVERIFY(cache.hostNamespace);
        QCOMPARE(cache.runsAsRoot, risk::Tri::No); // docker Config.User 1000

        const risk::ImageFacts &pending = imageNamed(*facts, 6);
        QCOMPARE(pending.runningContainers, 0); // waiting
        QVERIFY(!pending.internetExposed);      // its LoadBalancer has no address anyway

        const risk::ImageFacts &idle = imageNamed(*facts, 7);
        QCOMPARE(idle.runningContainers, 0);
        QVERIFY(!idle.internetExposed);
        // Not running: the image's configured user says what a container would run as.
        QCOMPARE(idle.runsAsRoot, risk::Tri::Yes);    // User ""
        QCOMPARE(pending.runsAsRoot, risk::Tri::Yes); // User ""
        QVERIFY(!idle.privileged && !idle.hostNamespace);
    }

    void rankingFollowsRuntime()
    {
        auto ws = fleetWorkspace();
        const auto facts = ws->loadFacts(m_now);
        QVERIFY(facts);
        const auto scoring = risk::Scoring::compute(*facts, risk::defaultPolicy());
        // The same vulnerability in every image: the rank order is the runtime order.
        std::map<std::string, std::uint32_t> rankOf;
        for (std::size_t f = 0; f < facts->size(); ++f)
            rankOf[facts->images[facts->image[f]].name] = scoring.rank(f);
        const auto rank = [&](int n) {
            return rankOf.at("registry.example/app" + std::to_string(n) + ":1.0");
        };
        // Exposed and running beats running only beats not running.
        for (int exposed : {1, 2, 3, 4})
            QVERIFY(rank(exposed) < rank(5));
        QVERIFY(rank(5) < rank(6));
        QVERIFY(rank(5) < rank(7));
        // Two exposed root containers (web) beat one exposed non-root one (job).
        QVERIFY(rank(1) < rank(3));
        // Privileged + root + exposed (admin) beats exposed non-root (job, edge).
        QVERIFY(rank(2) < rank(3));
        QVERIFY(rank(2) < rank(4));
    }

    void onlyTheCurrentInventoryRuns()
    {
        auto ws = fleetWorkspace();
        // A newer pod list of namespace "shop" without web-1 and admin-0.
        const std::string newer = fleet::list(
            {fleet::pod(QStringLiteral("shop"), QStringLiteral("web-0"), 1, QStringLiteral("web")),
             fleet::pod(
                 QStringLiteral("shop"), QStringLiteral("edge-0"), 4, QStringLiteral("edge"))});
        QVERIFY(ws->import({read("pods-2.json", newer)}, {}));
        const auto facts = ws->loadFacts(m_now);
        QVERIFY(facts);
        QCOMPARE(imageNamed(*facts, 1).runningContainers, 1);
        QCOMPARE(imageNamed(*facts, 2).runningContainers, 0);
        QVERIFY(!imageNamed(*facts, 2).internetExposed);
        // Namespace "batch" was not in the newer list: its last inventory still stands.
        QCOMPARE(imageNamed(*facts, 3).runningContainers, 1);
        // The edge pod no longer asks for a host port.
        QVERIFY(!imageNamed(*facts, 4).internetExposed);
    }

    // A newer Service list of a namespace retires the Services it no longer lists.
    void deletedServiceStopsExposing()
    {
        auto ws = fleetWorkspace();
        const std::string services = fleet::list({QString::fromUtf8(
            R"json({"kind":"Service","metadata":{"namespace":"shop","name":"admin"},
"spec":{"type":"ClusterIP","selector":{"app":"admin"},"ports":[{"port":80}]}})json")});
        QVERIFY(ws->import({read("svc-2.json", services)}, {}));
        const auto facts = ws->loadFacts(m_now);
        QVERIFY(facts);
        QCOMPARE(imageNamed(*facts, 1).runningContainers, 2); // the pods still run
        QVERIFY(!imageNamed(*facts, 1).internetExposed);      // shop/web is gone
        QVERIFY(imageNamed(*facts, 2).internetExposed);       // the Ingress still routes
        QVERIFY(imageNamed(*facts, 3).internetExposed);       // batch was not relisted
    }

    // Docker inventories name no host: another host's file does not retire containers.
    void dockerHostsDoNotRetireEachOther()
    {
        auto ws = fleetWorkspace();
        const std::string otherHost =
            QString::fromUtf8(R"json([{"Id":"e7","Name":"/worker","Image":"%1","RestartCount":0,
"State":{"Running":true,"StartedAt":"2025-06-21T00:00:00Z"},"Config":{"Image":"registry.example/app7:1.0","User":"www-data"},
"HostConfig":{},"NetworkSettings":{"Ports":{}}}])json")
                .arg(fleet::digest(7))
                .toStdString();
        QVERIFY(ws->import({read("docker-2.json", otherHost)}, {}));
        const auto facts = ws->loadFacts(m_now);
        QVERIFY(facts);
        QCOMPARE(imageNamed(*facts, 5).runningContainers, 1); // the first host's container
        QCOMPARE(imageNamed(*facts, 7).runningContainers, 1);
        // Config.User is the container's effective user: a name other than root is not root.
        QCOMPARE(imageNamed(*facts, 7).runsAsRoot, risk::Tri::No);
    }

    // A backfill imported late describes the past: it does not replace the current pods.
    void backfillIsNotCurrent()
    {
        auto ws = fleetWorkspace();
        const std::string old = fleet::list({fleet::pod(
            QStringLiteral("shop"), QStringLiteral("old-0"), 6, QStringLiteral("old"))});
        store::ImportOptions backfill;
        backfill.snapshotTime = *parseTimestamp("2024-01-01T00:00:00Z");
        QVERIFY(ws->import({read("pods-old.json", old)}, backfill));
        const auto facts = ws->loadFacts(m_now);
        QVERIFY(facts);
        QCOMPARE(imageNamed(*facts, 6).runningContainers, 0);
        QCOMPARE(imageNamed(*facts, 1).runningContainers, 2);
    }

    // The image's user is known once a report carried its config; a later report without
    // the config does not turn it into root, and without any config it is unknown.
    void imageUserSurvivesReportsWithoutConfig()
    {
        auto ws = fleetWorkspace();
        const QList<fleet::Vuln> other{fleet::Vuln{QStringLiteral("CVE-2025-0002")}};
        std::string noConfig = fleet::trivy(
            4, other, QStringLiteral("app"), {}, QStringLiteral("2025-06-15T00:00:00Z"));
        const std::string config = R"(,"ImageConfig":{"config":{"User":"app"}})";
        noConfig.erase(noConfig.find(config), config.size());
        std::string unknown =
            fleet::trivy(8, other, QString(), {}, QStringLiteral("2025-06-15T00:00:00Z"));
        const std::string rootConfig = R"(,"ImageConfig":{"config":{"User":""}})";
        unknown.erase(unknown.find(rootConfig), rootConfig.size());
        QVERIFY(ws->import({read("t4-again.json", noConfig), read("t8.json", unknown)}, {}));
        const auto facts = ws->loadFacts(m_now);
        QVERIFY(facts);
        QCOMPARE(imageNamed(*facts, 4).runsAsRoot, risk::Tri::No);
        QCOMPARE(imageNamed(*facts, 8).runsAsRoot, risk::Tri::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestRuntimeContext)
#include "tst_runtimecontext.moc"
