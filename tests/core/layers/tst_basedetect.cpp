// SPDX-License-Identifier: GPL-3.0-or-later
// Base-image detection on hand-built layer lists with known ground truth.

#include "layers/basedetect.h"
#include "model/imageref.h"

#include <QTest>

using namespace patchwise;

namespace {

store::ImageLayers image(const std::string &name,
                         const std::string &digest,
                         std::initializer_list<const char *> diffIds)
{
    store::ImageLayers i;
    i.name = name;
    i.digest = digest;
    i.refs = {model::normalizedImageRef(name)};
    for (const char *d : diffIds)
        i.layers.push_back({d, {}, -1, {}});
    return i;
}

} // namespace

class TestBaseDetect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prefixAndLabels()
    {
        std::vector<store::ImageLayers> images;
        // 0: debian base; 1: python on debian; 2: app on python (nearest ancestor wins);
        // 3: app on debian with a label naming the scanned base; 4: labelled, base not
        // scanned; 5: unrelated; 6: same layers as the base (not a strict prefix).
        images.push_back(image("debian:12", "sha256:d0", {"sha256:a", "sha256:b"}));
        images.push_back(image("python:3.12", "sha256:p0", {"sha256:a", "sha256:b", "sha256:c"}));
        images.push_back(
            image("shop/app:1", "sha256:s1", {"sha256:a", "sha256:b", "sha256:c", "sha256:d"}));
        images.push_back(image("shop/tool:1", "sha256:t1", {"sha256:a", "sha256:b", "sha256:x"}));
        images.back().baseNameLabel = "docker.io/library/debian:12";
        images.push_back(image("shop/cli:1", "sha256:c1", {"sha256:q", "sha256:r"}));
        images.back().baseNameLabel = "alpine:3.20";
        images.back().baseDigestLabel = "sha256:ALPINE";
        images.push_back(image("other:1", "sha256:o1", {"sha256:z"}));
        images.push_back(image("debian:12-copy", "sha256:d1", {"sha256:a", "sha256:b"}));

        const auto bases = layers::detectBaseImages(images);
        QCOMPARE(bases.size(), images.size());
        QVERIFY(!bases[0]); // the base itself (its twin 6 is not a strict prefix)
        QVERIFY(bases[1]);
        QCOMPARE(bases[1]->name, std::string("debian:12"));
        QCOMPARE(bases[1]->layerCount, 2);
        QCOMPARE(bases[1]->detectedBy, std::string("prefix"));
        QCOMPARE(bases[1]->confidence, std::string("high"));
        QVERIFY(bases[2]);
        QCOMPARE(bases[2]->name, std::string("python:3.12")); // the longest prefix
        QCOMPARE(bases[2]->layerCount, 3);
        QVERIFY(bases[3]);
        QCOMPARE(bases[3]->name, std::string("debian:12"));
        QCOMPARE(bases[3]->detectedBy, std::string("label")); // label confirmed by layers
        QCOMPARE(bases[3]->confidence, std::string("high"));
        QCOMPARE(bases[3]->layerCount, 2);
        QVERIFY(bases[4]);
        QCOMPARE(bases[4]->detectedBy, std::string("label"));
        QCOMPARE(bases[4]->confidence, std::string("medium"));
        QCOMPARE(bases[4]->layerCount, -1);
        QCOMPARE(bases[4]->name, std::string("alpine:3.20"));
        QVERIFY(!bases[4]->inWorkspace);
        QVERIFY(!bases[5]);
        QVERIFY(!bases[6]);
    }

    // A label that names a workspace image whose layers do not match is not trusted for
    // layers: the prefix match decides, the label stays a medium-confidence hint otherwise.
    void labelContradictedByLayers()
    {
        std::vector<store::ImageLayers> images;
        images.push_back(image("debian:12", "sha256:d0", {"sha256:a", "sha256:b"}));
        images.push_back(image("ubuntu:24.04", "sha256:u0", {"sha256:u"}));
        images.push_back(image("shop/app:1", "sha256:s1", {"sha256:a", "sha256:b", "sha256:c"}));
        images.back().baseNameLabel = "ubuntu:24.04";
        images.push_back(image("shop/job:1", "sha256:j1", {"sha256:k", "sha256:l"}));
        images.back().baseDigestLabel = "sha256:u0"; // names ubuntu by digest, layers disagree
        const auto bases = layers::detectBaseImages(images);
        QVERIFY(bases[2]);
        QCOMPARE(bases[2]->name, std::string("debian:12"));
        QCOMPARE(bases[2]->detectedBy, std::string("prefix"));
        QVERIFY(bases[3]);
        QCOMPARE(bases[3]->confidence, std::string("medium"));
        QCOMPARE(bases[3]->layerCount, -1);
    }

    // The history boundary: the last empty-layer CMD/ENTRYPOINT followed by a later step.
    void historyBoundary()
    {
        const std::int64_t day = 86400, t0 = 1700000000;
        const auto withHistory = [&](std::vector<model::HistoryEntry> history) {
            store::ImageLayers i = image("shop/app:1", "sha256:a1", {});
            for (const model::HistoryEntry &h : history)
                if (!h.emptyLayer)
                    i.layers.push_back({"sha256:" + std::to_string(i.layers.size()), {}, -1, {}});
            i.history = std::move(history);
            return i;
        };
        // debian (1 layer) → python (2 more, ends with CMD) → app (2 more), days apart.
        std::vector<store::ImageLayers> images{withHistory({
            {t0, "ADD rootfs.tar.xz /", false},
            {t0, "CMD [\"bash\"]", true},
            {t0 + 10 * day, "RUN apt-get install python3", false},
            {t0 + 10 * day, "RUN pip install", false},
            {t0 + 10 * day, "CMD [\"python3\"]", true},
            {t0 + 30 * day, "WORKDIR /app", false},
            {t0 + 30 * day, "COPY . /app", false},
        })};
        auto bases = layers::detectBaseImages(images);
        QVERIFY(bases[0]);
        QCOMPARE(bases[0]->detectedBy, std::string("history"));
        QCOMPARE(bases[0]->confidence, std::string("low"));
        QCOMPARE(bases[0]->layerCount, 3); // the nearest base: python, not debian

        // No jump in time (a squashed or reproducible build): no boundary.
        images = {withHistory(
            {{t0, "ADD rootfs", false}, {t0, "CMD [\"bash\"]", true}, {t0, "COPY . /app", false}})};
        QVERIFY(!layers::detectBaseImages(images)[0]);
        // … unless a label says there is a base: then the CMD marks its extent.
        images[0].baseNameLabel = "docker.io/library/debian:12";
        bases = layers::detectBaseImages(images);
        QVERIFY(bases[0]);
        QCOMPARE(bases[0]->detectedBy, std::string("label"));
        QCOMPARE(bases[0]->confidence, std::string("medium"));
        QCOMPARE(bases[0]->name, std::string("docker.io/library/debian:12"));
        QCOMPARE(bases[0]->layerCount, 1);
        // A labelled image whose history has a jump uses that boundary, not a later CMD
        // of the app's own build.
        images = {withHistory({{t0, "ADD rootfs", false},
                               {t0, "CMD [\"bash\"]", true},
                               {t0 + day, "RUN make", false},
                               {t0 + day, "CMD [\"app\"]", true},
                               {t0 + day, "COPY extra /", false}})};
        images[0].baseNameLabel = "debian:12";
        bases = layers::detectBaseImages(images);
        QCOMPARE(bases[0]->layerCount, 1);
        images[0].baseNameLabel.clear();
        bases = layers::detectBaseImages(images);
        QCOMPARE(bases[0]->detectedBy, std::string("history"));
        QCOMPARE(bases[0]->layerCount, 1);
        QVERIFY(bases[0]->name.empty());
        // A CMD at the very top (no layers after it) is the image's own, not a base's.
        images = {withHistory({{t0, "ADD rootfs", false},
                               {t0 + day, "COPY . /app", false},
                               {t0 + 2 * day, "CMD [\"app\"]", true}})};
        QVERIFY(!layers::detectBaseImages(images)[0]);
        // A scanned debian is a prefix, but the history shows a nearer base above it (python,
        // not scanned): the nearer base wins, so python's layers count as base layers.
        {
            std::vector<store::ImageLayers> fleet{
                withHistory({
                    {t0, "ADD rootfs.tar.xz /", false},
                    {t0, "CMD [\"bash\"]", true},
                    {t0 + 10 * day, "RUN apt-get install python3", false},
                    {t0 + 10 * day, "RUN pip install", false},
                    {t0 + 10 * day, "CMD [\"python3\"]", true},
                    {t0 + 30 * day, "COPY . /app", false},
                }),
                image("debian:12", "sha256:d0", {"sha256:0"}),
            };
            bases = layers::detectBaseImages(fleet);
            QCOMPARE(bases[0]->detectedBy, std::string("history"));
            QCOMPARE(bases[0]->layerCount, 3);
            QVERIFY(!bases[0]->inWorkspace);
            fleet[0].baseNameLabel = "python:3.12";
            bases = layers::detectBaseImages(fleet);
            QCOMPARE(bases[0]->detectedBy, std::string("label"));
            QCOMPARE(bases[0]->name, std::string("python:3.12"));
            QCOMPARE(bases[0]->layerCount, 3);
            // With python scanned too, the longest prefix is python itself.
            fleet.push_back(
                image("python:3.12", "sha256:p0", {"sha256:0", "sha256:1", "sha256:2"}));
            bases = layers::detectBaseImages(fleet);
            QCOMPARE(bases[0]->detectedBy, std::string("label"));
            QCOMPARE(bases[0]->confidence, std::string("high"));
            QCOMPARE(bases[0]->digest, std::string("sha256:p0"));
            fleet[0].baseNameLabel.clear();
            bases = layers::detectBaseImages(fleet);
            QCOMPARE(bases[0]->detectedBy, std::string("prefix"));
            QCOMPARE(bases[0]->layerCount, 3);
        }
        // The classic builder's spelling counts; a HEALTHCHECK (CMD-SHELL) does not.
        images = {withHistory({{t0, "ADD rootfs", false},
                               {t0, "/bin/sh -c #(nop)  CMD [\"bash\"]", true},
                               {t0 + day, "COPY . /app", false}})};
        QCOMPARE(layers::detectBaseImages(images)[0]->layerCount, 1);
        images = {withHistory({{t0, "ADD rootfs", false},
                               {t0, "HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f localhost\"]}", true},
                               {t0 + day, "COPY . /app", false}})};
        QVERIFY(!layers::detectBaseImages(images)[0]);
        images = {withHistory({{t0, "ADD rootfs", false},
                               {t0, "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"true\"]}", true},
                               {t0 + day, "COPY . /app", false}})};
        QVERIFY(!layers::detectBaseImages(images)[0]);
        // History that does not describe the stored layers is not trusted.
        images = {withHistory({{t0, "ADD rootfs", false},
                               {t0, "ENTRYPOINT [\"x\"]", true},
                               {t0 + day, "COPY . /app", false}})};
        images[0].layers.pop_back();
        QVERIFY(!layers::detectBaseImages(images)[0]);
    }
};

QTEST_GUILESS_MAIN(TestBaseDetect)
#include "tst_basedetect.moc"
