// SPDX-License-Identifier: GPL-3.0-or-later
// Readers against the real scanner reports in shared/fixtures (read in place).

#include "ingest/reader.h"

#include <QDir>
#include <QTest>
#include <algorithm>
#include <set>
#include <zlib.h>

using namespace patchwise;

namespace {

QString fixtures()
{
    return QStringLiteral(PATCHWISE_FIXTURES_DIR);
}

ingest::FileRead readOrFail(const QString &relative)
{
    const auto r = ingest::readFile(QString(fixtures() + u'/' + relative).toStdString());
    if (!r) {
        qWarning("%s", r.error().c_str());
        return {};
    }
    return *r;
}

} // namespace

// An OpenVEX document with no statements.
constexpr const char *kEmptyOpenVex =
    R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[]})";

class TestReaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDir(fixtures()).exists())
            QSKIP("shared/fixtures is not available");
    }

    // Finding and distinct-ID counts were taken with an independent script (Python's json
    // module), counting Vulnerabilities[]/matches[] (+ suppressed entries) per report.
    void counts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("findings");
        QTest::addColumn<int>("ids");
        QTest::addColumn<int>("scans");
        auto row = [](const char *file, const char *format, int findings, int ids, int scans = 1) {
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(format)
                                << findings << ids << scans;
        };
        // CycloneDX: one finding per affected component; distinct IDs exclude VEX not_affected.
        row("cyclonedx/defectdojo--grype-log4j.json", "cyclonedx", 8, 8);
        row("cyclonedx/defectdojo--trivy-ubuntu-issue_9277.json", "cyclonedx", 14, 10);
        row("cyclonedx/grype-golden--TestCycloneDxPresenterImage.golden", "cyclonedx", 2, 2);
        row("cyclonedx/heimdall2--dropwizard-vulns.json", "cyclonedx", 87, 85);
        row("cyclonedx/trivy-golden--fluentd-multiple-lockfiles-short.cdx.json.golden",
            "cyclonedx",
            3,
            3);
        row("cyclonedx/trivy-golden--npm-cyclonedx.json.golden", "cyclonedx", 1, 1);
        // trivy k8s: one scan per image; an image in several workloads is counted once.
        row("trivy-k8s/securecodebox--local-k8s-scan-result.json", "trivy-k8s", 628, 212, 14);
        row("trivy-k8s/defectdojo--kubernetes.json", "trivy-k8s", 10, 5, 2);
        row("trivy-operator/defectdojo--vulnerabilityreport_many.json", "trivy-operator", 41, 31);
        row("grype/OLD-defectdojo--many_vulns3.json", "grype", 327, 259);
        row("grype/defectdojo--check_all_fields.json", "grype", 6, 4);
        row("grype/defectdojo--issue_9618.json", "grype", 35, 19);
        row("grype/defectdojo--many_vulns_with_epss_values.json", "grype", 15, 15);
        row("grype/defectdojo--same_cve_different_paths.json", "grype", 2, 1);
        row("grype/golden-TestJsonImgsPresenter.golden", "grype", 2, 2);
        row("grype/heimdall2--amazon.json", "grype", 16, 16);
        row("grype/jenkins-analysis-model--grype-report-wo-description.json", "grype", 33, 20);
        row("grype/kubevuln--alpine-cve.json", "grype", 20, 10);
        row("grype/statisticsnorway-klass-web--grype-report.json", "grype", 0, 0);
        row("grype/tejas-multi-scanner--grype-results.json", "grype", 160, 91);
        row("grype/tjasaren-webgoat--grype-dir-scan.json", "grype", 38, 38);
        row("trivy/LEGACY-defectdojo--legacy_many_vulns.json", "trivy-legacy", 93, 60);
        row("trivy/LEGACY-netlify--trivy_report-list-format.json", "trivy-legacy", 477, 148);
        row("trivy/PITFALL-kinginyellow18-medianest--trivy-results-with-log-lines.json",
            "trivy",
            0,
            0);
        row("trivy/alexalbu001-eks-cicd--trivy-output.json", "trivy", 107, 54);
        row("trivy/alexzhenyul-online-boutique--trivy-image-report.json", "trivy", 2, 2);
        row("trivy/awaisdevops-java-pipeline--trivy-image-report.json", "trivy", 67, 61);
        row("trivy/chanakakn-nexus3-rhel8--trivy_report.json", "trivy", 21, 20);
        row("trivy/clockard-xyz-tile-cache--trivy-results--scan1.json", "trivy", 5, 5);
        row("trivy/clockard-xyz-tile-cache--trivy-results--scan2.json", "trivy", 6, 6);
        row("trivy/defectdojo--all_statuses.json", "trivy", 8, 8);
        row("trivy/defectdojo--cvssv4_severity_source.json", "trivy", 3, 3);
        row("trivy/defectdojo--issue_9333.json", "trivy", 13, 13);
        row("trivy/defectdojo--scheme_2_many_vulns.json", "trivy", 5, 5);
        row("trivy/dilafar-employee-frontend--trivy-k8s-image.json", "trivy", 0, 0);
        row("trivy/fatimaezzahrae-hapi-fhir--trivy-report.json", "trivy", 1, 1);
        row("trivy/golden-almalinux-8.json.golden", "trivy", 1, 1);
        row("trivy/golden-alpine-39.json.golden", "trivy", 6, 3);
        row("trivy/golden-amazon-2.json.golden", "trivy", 2, 2);
        row("trivy/golden-debian-buster.json.golden", "trivy", 2, 2);
        row("trivy/golden-distroless-base.json.golden", "trivy", 4, 2);
        row("trivy/golden-mariner-1.0.json.golden", "trivy", 2, 2);
        row("trivy/golden-opensuse-leap-151.json.golden", "trivy", 2, 1);
        row("trivy/golden-spring4shell-jre11.json.golden", "trivy", 1, 1);
        row("trivy/golden-ubi-7-comprehensive.json.golden", "trivy", 2, 2);
        row("trivy/golden-ubuntu-1804.json.golden", "trivy", 5, 2);
        row("trivy/londhe-tws-ecommerce--trivy-report.json", "trivy", 7, 7);
        row("trivy/pab1it0-prometheus-mcp-server--trivy-image-results.json", "trivy", 11, 7);
        row("trivy/rishabh-bp-trivy--trivy-report.json", "trivy", 5, 5);
        row("trivy/securecodebox--juice-shop-v12.10.2-empty-results.json", "trivy", 0, 0);
        row("trivy/steadybit-extension-k6--trivy-results.json", "trivy", 2, 0);
        row("trivy/tejas-multi-scanner--trivy-results.json", "trivy", 54, 34);
        row("trivy/unext-ci-lab--cilab-lifelong-api-master-trivy-results.json", "trivy", 29, 15);
    }

    // A CycloneDX BOM that only carries VEX (analysed vulnerabilities, no image, no
    // components) is not a scan: importing it would invent an image. It is refused with a
    // pointer to `vex import` (tst_vex reads it as VEX).
    void vexOnlyIsNotAScan()
    {
        const QString path = fixtures() + QStringLiteral("/cyclonedx/heimdall2--vex.json");
        if (!QFile::exists(path))
            QSKIP("shared/fixtures is not available");
        const auto r = ingest::readFile(path.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().find("heimdall2--vex.json: a VEX document") != std::string::npos &&
                     r.error().find("vex import") != std::string::npos,
                 r.error().c_str());
        const auto openVex = ingest::readBytes("x.json", kEmptyOpenVex);
        QVERIFY(!openVex);
        QVERIFY2(openVex.error().find("x.json: a VEX document") != std::string::npos,
                 openVex.error().c_str());
    }

    void counts()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, findings);
        QFETCH(int, ids);
        QFETCH(int, scans);
        const auto r = ingest::readFile(QString(fixtures() + u'/' + file).toStdString());
        QVERIFY2(r, r ? "" : r.error().c_str());
        QCOMPARE(QString::fromUtf8(ingest::formatKey(r->format).data()), format);
        QCOMPARE(int(r->scans.size()), scans);
        QCOMPARE(int(r->findingCount()), findings);
        std::set<std::string> distinct;
        for (const auto &scan : r->scans) {
            for (const auto &f : scan.findings) {
                QVERIFY(!f.vulnerabilityId.empty());
                if (!f.suppressed)
                    distinct.insert(f.vulnerabilityId);
            }
        }
        QCOMPARE(int(distinct.size()), ids);
    }

    void trivyImageFacts()
    {
        const auto r = readOrFail(
            QStringLiteral("trivy/alexzhenyul-online-boutique--trivy-image-report.json"));
        QCOMPARE(r.scans.size(), std::size_t(1));
        const model::Scan &s = r.scans[0];
        QCOMPARE(s.scanner, std::string("trivy"));
        QCOMPARE(
            s.image.configDigest,
            std::string("sha256:27dfffb47dfa47e791305e282a2c8cdfea6e6484509771d219182efdf66ab360"));
        QCOMPARE(s.image.tags.size(), std::size_t(3));
        QCOMPARE(s.image.layers.size(), std::size_t(8));
        QCOMPARE(s.image.osFamily, std::string("alpine"));
        QCOMPARE(s.image.osVersion, std::string("3.22.3"));
        QCOMPARE(s.image.layers[0].createdBy,
                 std::string("ADD alpine-minirootfs-3.22.3-x86_64.tar.gz / # buildkit"));
        QVERIFY(s.scannedAt > 0);
        const model::Finding *f = nullptr;
        for (const auto &x : s.findings)
            if (x.vulnerabilityId == "CVE-2026-32767")
                f = &x;
        QVERIFY(f);
        QCOMPARE(f->packageName, std::string("libexpat"));
        QCOMPARE(f->packageVersion, std::string("2.7.3-r0"));
        QCOMPARE(f->packageType, std::string("apk"));
        QCOMPARE(f->fixedVersions, std::vector<std::string>{"2.7.5-r0"});
        QCOMPARE(f->fixState, model::FixState::FixAvailable);
        QCOMPARE(f->fixStateWord, std::string("fixed"));
        QCOMPARE(f->layerDiffId, s.image.layers[1].diffId);
    }

    void reportsWithoutImageAreKnownByFileName()
    {
        // A named report without an image ID keeps its name…
        const auto r = readOrFail(QStringLiteral("trivy/defectdojo--scheme_2_many_vulns.json"));
        QCOMPARE(r.scans.size(), std::size_t(1));
        QCOMPARE(r.scans[0].image.name, std::string("teamdojo:latest"));
        // …one with neither is known by its file name.
        const auto noName = ingest::readBytes(
            "reports/a.json", "{\"SchemaVersion\":2,\"ArtifactName\":\"\",\"Results\":[]}");
        QVERIFY(noName);
        QCOMPARE(noName->scans[0].image.name, std::string("file:a.json"));
    }

    void trivyLogLinesBeforeJson()
    {
        const auto r = readOrFail(QStringLiteral(
            "trivy/PITFALL-kinginyellow18-medianest--trivy-results-with-log-lines.json"));
        QCOMPARE(r.format, ingest::Format::Trivy);
        QCOMPARE(r.scans.size(), std::size_t(1));
    }

    void kevCatalogue()
    {
        auto r = readOrFail(QStringLiteral("feeds/cisa-kev--known_exploited_vulnerabilities.json"));
        QCOMPARE(r.format, ingest::Format::Kev);
        QCOMPARE(r.kev.size(), std::size_t(1404));
        QCOMPARE(r.kevCatalogVersion, std::string("2025.08.25"));
        // An excerpt whose header count (1273) disagrees with its 3 entries: the array wins.
        r = readOrFail(QStringLiteral("feeds/vunnel--kev-valid-catalog-1.json"));
        QCOMPARE(r.kev.size(), std::size_t(3));
    }

    void epssCsvPlainAndGzip()
    {
        auto r = readOrFail(QStringLiteral("feeds/vunnel--epss-example-1.csv"));
        QCOMPARE(r.format, ingest::Format::Epss);
        QCOMPARE(r.epss.size(), std::size_t(5));
        QCOMPARE(r.epss[0].cve, std::string("CVE-1999-0001"));
        QCOMPARE(r.epss[0].probability, 0.00383);
        QCOMPARE(r.epssModelVersion, std::string("v2023.03.01"));
        QCOMPARE(r.epssScoreDate, std::int64_t(1740009600)); // 2025-02-20T00:00:00Z
        r = readOrFail(QStringLiteral("feeds/vunnel--epss-missing-date.csv"));
        QCOMPARE(r.epssScoreDate, std::int64_t(0));
        QVERIFY(!r.epss.empty());

        // The daily file is published gzipped.
        const std::string csv = "#model_version:v2025.03.14,score_date:2025-08-01T00:00:00+0000\n"
                                "cve,epss,percentile\nCVE-2024-3094,0.85,0.99\n";
        std::string gz(csv.size() + 128, '\0');
        z_stream zs{};
        QCOMPARE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(csv.data()));
        zs.avail_in = uInt(csv.size());
        zs.next_out = reinterpret_cast<Bytef *>(gz.data());
        zs.avail_out = uInt(gz.size());
        QCOMPARE(deflate(&zs, Z_FINISH), Z_STREAM_END);
        gz.resize(gz.size() - zs.avail_out);
        deflateEnd(&zs);
        const auto fromGz = ingest::readBytes("epss_scores-2025-08-01.csv.gz", gz);
        QVERIFY2(fromGz, fromGz ? "" : fromGz.error().c_str());
        QCOMPARE(fromGz->epss.size(), std::size_t(1));
        QCOMPARE(fromGz->epss[0].percentile, 0.99);

        const auto broken =
            ingest::readBytes("bad.csv", "cve,epss,percentile\nCVE-1,0.5,0.5\nCVE-2,1.7,0.1\n");
        QVERIFY(!broken);
        QVERIFY2(QString::fromStdString(broken.error())
                     .contains(QStringLiteral("bad.csv: first-epss CSV, line 3")),
                 broken.error().c_str());
    }

    // Container counts taken with Python's json module (containers + initContainers).
    void kubernetesInventory()
    {
        auto r = readOrFail(QStringLiteral("k8s/atshaman-describecluster--pods.json"));
        QCOMPARE(r.format, ingest::Format::Kubernetes);
        QCOMPARE(r.containers.size(), std::size_t(162));
        int privileged = 0, hostNetwork = 0, running = 0, withRepoDigest = 0;
        for (const auto &c : r.containers) {
            privileged += c.privileged;
            hostNetwork += c.hostNetwork;
            running += c.running;
            withRepoDigest += !c.repoDigest.empty();
        }
        QCOMPARE(privileged, 8);
        QCOMPARE(hostNetwork, 18);
        QCOMPARE(running, 160);
        QVERIFY(withRepoDigest > 150);
        const auto calico = std::find_if(r.containers.begin(),
                                         r.containers.end(),
                                         [](const auto &c) { return c.name == "calico-node"; });
        QVERIFY(calico != r.containers.end());
        QCOMPARE(calico->repoDigest.substr(0, 24), std::string("quay.io/calico/node@sha2"));
        QCOMPARE(calico->workloadKind, std::string("DaemonSet"));
        QCOMPARE(calico->restartCount, 10);

        r = readOrFail(QStringLiteral("k8s/atshaman-describecluster--service.json"));
        QCOMPARE(r.services.size(), std::size_t(143));
        QCOMPARE(std::count_if(r.services.begin(),
                               r.services.end(),
                               [](const auto &s) { return s.type == "NodePort"; }),
                 42);
        r = readOrFail(QStringLiteral("k8s/kubemap--ingress-v1beta1.json"));
        QCOMPARE(r.ingresses.size(), std::size_t(1));
        QCOMPARE(r.ingresses[0].services, std::vector<std::string>{"kube-map"});
        QCOMPARE(r.ingresses[0].hosts, std::vector<std::string>{"some.dns.somecompany.com"});
    }

    void dockerInventory()
    {
        auto r = readOrFail(
            QStringLiteral("docker/watchtower--container_running.json")); // single object
        QCOMPARE(r.format, ingest::Format::DockerInspect);
        QCOMPARE(r.containers.size(), std::size_t(1));
        const auto &c = r.containers[0];
        QCOMPARE(c.name, std::string("portainer"));
        QCOMPARE(
            c.configDigest,
            std::string("sha256:19d07168491a3f9e2798a9bed96544e34d57ddc4757a4ac5bb199dea896c87fd"));
        QCOMPARE(c.image, std::string("portainer/portainer:latest"));
        QVERIFY(c.running);
        QCOMPARE(c.hostPorts, std::vector<std::string>{"0.0.0.0:9000->9000/tcp"});
        r = readOrFail(QStringLiteral("docker/anurox2-ip-scanner--docker_inspect-privileged.json"));
        QCOMPARE(r.containers.size(), std::size_t(1));
        QVERIFY(r.containers[0].privileged);
        r = readOrFail(QStringLiteral("docker/watchtower--image_running.json"));
        QCOMPARE(r.inventoryImages.size(), std::size_t(1));
        QCOMPARE(
            r.inventoryImages[0].configDigest,
            std::string("sha256:4dbc5f9c07028a985e14d1393e849ea07f68804c4293050d5a641b138db72daa"));
        QCOMPARE(r.inventoryImages[0].tags,
                 std::vector<std::string>{"containrrr/watchtower:latest"});
    }

    void cyclonedxPseudoRatingsAreThreatDataNotCvss()
    {
        const auto r = readOrFail(
            QStringLiteral("cyclonedx/grype-golden--TestCycloneDxPresenterImage.golden"));
        QCOMPARE(r.scans.size(), std::size_t(1));
        int kev = 0, epss = 0;
        for (const auto &f : r.scans[0].findings) {
            kev += f.knownExploited;
            epss += f.epss.has_value();
            for (const auto &c : f.cvss)
                QVERIFY2(c.vector.starts_with("CVSS:"),
                         c.vector.c_str()); // EPSS/KEV never become CVSS
        }
        QCOMPARE(kev, 1);
        QCOMPARE(epss, 2);
        const auto trivy =
            readOrFail(QStringLiteral("cyclonedx/defectdojo--trivy-ubuntu-issue_9277.json"));
        const model::Image &image = trivy.scans[0].image;
        QCOMPARE(
            image.configDigest,
            std::string("sha256:174c8c134b2a94b5bb0b37d9a2b6ba0663d82d23ebf62bd51f74a2fd457333da"));
        QCOMPARE(image.repoDigests.size(), std::size_t(1));
        const auto &f = trivy.scans[0].findings[0];
        QCOMPARE(f.vulnerabilityId, std::string("CVE-2016-2781"));
        QCOMPARE(f.packageName, std::string("coreutils"));
        QVERIFY(!f.layerDiffId.empty());
        // Every rating by source: nvd v2 and v3, redhat v2 and v3.
        QCOMPARE(f.cvss.size(), std::size_t(4));
    }

    void grypeLayersAndThreatData()
    {
        const auto r = readOrFail(QStringLiteral("grype/tejas-multi-scanner--grype-results.json"));
        const model::Scan &s = r.scans[0];
        QCOMPARE(s.scanner, std::string("grype"));
        QVERIFY(!s.image.layers.empty());
        int withLayer = 0, withEpss = 0;
        for (const auto &f : s.findings) {
            withLayer += !f.layerDiffId.empty();
            withEpss += f.epss.has_value();
        }
        QCOMPARE(withLayer, int(s.findings.size()));
        QVERIFY(withEpss > 0);
    }
};

QTEST_GUILESS_MAIN(TestReaders)
#include "tst_readers.moc"
