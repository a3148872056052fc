// SPDX-License-Identifier: GPL-3.0-or-later
// The remediation plan on a hand-built fact table: which action every open finding joins,
// the version a package upgrade goes to, the order of actions, the mitigations of no-fix
// groups, and what a simulation projects. Expected values are worked out by hand from the
// table below (and, for risk removed, from the engine's per-factor breakdown).

#include "layers/plan.h"
#include "model/version.h"
#include "risk/filter.h"
#include "risk/scoredrows.h"
#include "risk/trends.h"

#include <QTest>
#include <algorithm>
#include <set>

using namespace patchwise;
using namespace patchwise::risk;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kNow = 1'780'000'000;

struct Spec
{
    std::uint32_t image = 0;
    std::string package = "openssl";
    std::string version = "1.0.0";
    std::string fixed = {}; // "" = no fix
    int layer = 0;
    model::Severity severity = model::Severity::High;
    std::int64_t firstSeen = kNow - 10 * kDay;
    bool resolved = false;
};

class Fleet
{
public:
    Facts facts;
    std::vector<store::ImageLayers> layers;
    std::vector<std::optional<layers::BaseImage>> bases;

    Fleet() { facts.now = kNow; }

    std::uint32_t image(const std::string &name, int layerCount, ImageFacts i = {})
    {
        i.id = std::int64_t(facts.images.size()) + 1;
        i.name = name;
        i.digest = "sha256:" + std::string(4, char('a' + facts.images.size())) + name.substr(0, 2);
        store::ImageLayers l;
        l.id = i.id;
        l.name = name;
        l.digest = i.digest;
        for (int k = 0; k < layerCount; ++k)
            l.layers.push_back({name + "-layer" + std::to_string(k), {}, -1, {}});
        facts.images.push_back(std::move(i));
        layers.push_back(std::move(l));
        bases.emplace_back();
        return std::uint32_t(facts.images.size() - 1);
    }

    void setBase(std::uint32_t image, std::uint32_t base)
    {
        layers::BaseImage b;
        b.index = base;
        b.inWorkspace = true;
        b.name = facts.images[base].name;
        b.digest = facts.images[base].digest;
        b.layerCount = int(layers[base].layers.size());
        b.detectedBy = "prefix";
        b.confidence = "high";
        bases[image] = b;
    }

    std::size_t finding(const Spec &s)
    {
        const std::string id = "CVE-2026-" + std::to_string(1000 + facts.size());
        VulnFacts v;
        v.id = id;
        v.ratings.push_back({facts.sourceIndex("debian"), s.severity});
        facts.vulns.push_back(std::move(v));
        const auto vuln = std::uint32_t(facts.vulns.size() - 1);
        facts.contexts.push_back(RatingContext{vuln, facts.sourceIndex("debian"), {}});
        facts.findingId.push_back(std::int64_t(facts.size()) + 1);
        facts.image.push_back(s.image);
        facts.vuln.push_back(vuln);
        facts.context.push_back(std::uint32_t(facts.contexts.size() - 1));
        facts.package.push_back(facts.intern(s.package));
        facts.version.push_back(facts.intern(s.version));
        facts.packageType.push_back(facts.intern("deb"));
        facts.fixedVersions.push_back(facts.intern(s.fixed));
        facts.layerIndex.push_back(std::int16_t(s.layer));
        facts.fixState.push_back(std::uint8_t(s.fixed.empty() ? model::FixState::NoFixYet
                                                              : model::FixState::FixAvailable));
        facts.flags.push_back(
            std::uint8_t((s.fixed.empty() ? 0 : Fixable) | (s.resolved ? Resolved : 0)));
        facts.firstSeen.push_back(s.firstSeen);
        facts.resolvedAt.push_back(s.resolved ? kNow - kDay : 0);
        return facts.size() - 1;
    }
};

const layers::RemediationAction *actionHolding(const layers::RemediationPlan &plan, std::size_t f)
{
    for (const layers::RemediationAction &a : plan.actions)
        if (std::find(a.findings.begin(), a.findings.end(), std::uint32_t(f)) != a.findings.end())
            return &a;
    return nullptr;
}

} // namespace

class TestPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionOrder_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        const auto row = [](const char *a, const char *b, int order) {
            QTest::addRow("%s vs %s", a, b)
                << QString::fromLatin1(a) << QString::fromLatin1(b) << order;
        };
        row("1.0", "1.0", 0);
        row("1.2.10", "1.2.9", 1);   // numbers, not text
        row("1.02", "1.2", 0);       // leading zeros
        row("1.0~rc1", "1.0", -1);   // tilde sorts before the end
        row("1.0", "1.0a", -1);      // the end before letters
        row("1.0a", "1.0.1", -1);    // letters before other characters
        row("2:1.0", "1:9.9", 1);    // epoch first
        row("1:1.0", "1.0", 1);      // no epoch is 0
        row("v1.4.2", "1.4.10", -1); // a leading v is ignored
        row("3.0.11-1~deb12u2", "3.0.11-1~deb12u1", 1);
        row("3.0.11-1~deb12u2", "3.0.11-1", -1);
        row("3.0.12-r1", "3.0.12-r0", 1);
        row("1.1.1w-0+deb11u1", "1.1.1n-0+deb11u5", 1);
        row("2.36.1-8+deb11u1", "2.36.1-8", 1);
        row("", "0", 0);
    }

    void versionOrder()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        const int got = model::compareVersions(a.toStdString(), b.toStdString());
        QCOMPARE((got > 0) - (got < 0), order);
        const int back = model::compareVersions(b.toStdString(), a.toStdString());
        QCOMPARE((back > 0) - (back < 0), -order);
    }

    void upgradeTarget()
    {
        // The lowest fixed version above the installed one, across release lines.
        QCOMPARE(model::upgradeTarget("2.4.1", "2.5.0, 3.0.2"), std::string_view("2.5.0"));
        QCOMPARE(model::upgradeTarget("3.0.0", "2.5.0 3.0.2"), std::string_view("3.0.2"));
        QCOMPARE(model::upgradeTarget("1.0", "1.1"), std::string_view("1.1"));
        // None above: the highest (scanner data can be odd).
        QCOMPARE(model::upgradeTarget("9.0", "1.1 2.0"), std::string_view("2.0"));
        QCOMPARE(model::upgradeTarget("1.0", ""), std::string_view());
        QCOMPARE(model::upgradeTarget("1.0", " ,, "), std::string_view());
    }

    void everyOpenFindingJoinsOneAction()
    {
        Fleet fl;
        const auto base = fl.image("debian:12", 2);
        const auto app1 = fl.image("shop:1", 4);
        const auto app2 = fl.image("cart:2", 3);
        const auto lone = fl.image("tool:1", 2);
        fl.setBase(app1, base);
        fl.setBase(app2, base);
        // app1: base-layer fixable (base fix), base-layer fixable but the package is
        // touched again in layer 3 (not a base fix → package upgrade), app-layer fixable
        // twice for one package (one upgrade, to the highest needed version), no fix.
        const auto a1 =
            fl.finding({.image = app1, .package = "openssl", .fixed = "1.0.2", .layer = 1});
        const auto a2 = fl.finding(
            {.image = app1, .package = "zlib", .version = "1.2", .fixed = "1.3", .layer = 0});
        const auto a2b = fl.finding(
            {.image = app1, .package = "zlib", .version = "1.2.9", .fixed = "1.3", .layer = 3});
        const auto a3 = fl.finding({.image = app1,
                                    .package = "lodash",
                                    .version = "4.17.0",
                                    .fixed = "4.17.19, 5.0.1",
                                    .layer = 2});
        const auto a4 = fl.finding({.image = app1,
                                    .package = "lodash",
                                    .version = "4.17.0",
                                    .fixed = "4.17.21",
                                    .layer = 2});
        const auto a5 = fl.finding({.image = app1, .package = "glibc", .layer = 0});
        const auto a6 = fl.finding(
            {.image = app1, .package = "glibc", .fixed = "1.0.1", .layer = 0, .resolved = true});
        // app2: a base fix on the same base (one action for both images), unknown layer.
        const auto b1 =
            fl.finding({.image = app2, .package = "openssl", .fixed = "1.0.2", .layer = 0});
        const auto b2 = fl.finding({.image = app2, .package = "curl", .fixed = "8.0", .layer = -1});
        // The base's own findings: no base of its own → package upgrades and no-fix.
        const auto c1 =
            fl.finding({.image = base, .package = "openssl", .fixed = "1.0.2", .layer = 1});
        const auto d1 = fl.finding({.image = lone, .package = "bash", .layer = 1});

        const Scoring scoring = Scoring::compute(fl.facts, Policy{}, 1);
        const auto flags = layers::baseAttribution(fl.layers, fl.bases, scoring);
        QCOMPARE(int(flags[a1].inBase), 1);
        QVERIFY(flags[a1].baseImageFix);
        QCOMPARE(int(flags[a2].inBase), 1);
        QVERIFY(!flags[a2].baseImageFix); // layer 3 holds zlib too
        QCOMPARE(int(flags[b2].inBase), -1);
        const layers::RemediationPlan plan = layers::buildPlan(scoring, fl.layers, fl.bases, flags);

        // The filter language sees the attribution (`basefix`, `inbase`).
        risk::ScoredRows rows(scoring);
        layers::setBaseAttribution(rows, flags);
        const auto select = [&](const char *text) {
            auto order = risk::Filter::parse(text)->select(rows, scoring.ranking());
            std::sort(order.begin(), order.end());
            return order;
        };
        QCOMPARE(
            select("basefix"),
            (std::vector<std::uint32_t>{std::uint32_t(a1), std::uint32_t(a6), std::uint32_t(b1)}));
        QCOMPARE(select("inbase and not basefix"),
                 (std::vector<std::uint32_t>{std::uint32_t(a2), std::uint32_t(a5)}));

        // Each open finding in exactly one action; the resolved one in none.
        std::multiset<std::uint32_t> seen;
        for (const auto &a : plan.actions)
            seen.insert(a.findings.begin(), a.findings.end());
        for (std::size_t f = 0; f < fl.facts.size(); ++f)
            QCOMPARE(int(seen.count(std::uint32_t(f))), f == a6 ? 0 : 1);

        const auto *baseUpdate = actionHolding(plan, a1);
        QVERIFY(baseUpdate);
        QCOMPARE(baseUpdate->kind, layers::ActionKind::BaseImageUpdate);
        QCOMPARE(baseUpdate->target, std::string_view("debian:12"));
        QCOMPARE(baseUpdate->images, (std::vector<std::uint32_t>{app1, app2}));
        QCOMPARE(baseUpdate->findings,
                 (std::vector<std::uint32_t>{std::uint32_t(a1), std::uint32_t(b1)}));
        QCOMPARE(baseUpdate->findingsFixed, 2);
        QCOMPARE(baseUpdate->bySeverity[1], 2);
        QCOMPARE(baseUpdate->riskRemoved,
                 std::round((double(scoring.risk(a1)) + scoring.risk(b1)) * 1000) / 1000);

        const auto *zlib = actionHolding(plan, a2);
        QCOMPARE(zlib->kind, layers::ActionKind::PackageUpgrade);
        QCOMPARE(zlib, actionHolding(plan, a2b));
        QCOMPARE(zlib->installedVersions, (std::vector<std::string>{"1.2", "1.2.9"}));
        QCOMPARE(zlib->version, std::string_view("1.3"));

        const auto *lodash = actionHolding(plan, a3);
        QCOMPARE(lodash, actionHolding(plan, a4));
        QCOMPARE(lodash->target, std::string_view("lodash"));
        QCOMPARE(lodash->version, std::string("4.17.21")); // 4.17.19 fixes one, .21 both
        QCOMPARE(lodash->images, std::vector<std::uint32_t>{app1});

        const auto *noFix = actionHolding(plan, a5);
        QCOMPARE(noFix->kind, layers::ActionKind::NoFix);
        QCOMPARE(noFix->target, std::string_view("shop:1"));
        QCOMPARE(noFix->findingsFixed, 0);
        QCOMPARE(noFix->riskRemoved, 0.0); // nothing runs: nothing to mitigate
        QCOMPARE(int(noFix->mitigations), 0);

        QCOMPARE(actionHolding(plan, b2)->kind, layers::ActionKind::PackageUpgrade);
        QCOMPARE(actionHolding(plan, c1)->kind, layers::ActionKind::PackageUpgrade);
        QVERIFY(actionHolding(plan, c1) != actionHolding(plan, a1));
        QCOMPARE(actionHolding(plan, d1)->target, std::string_view("tool:1"));

        // Totals and ranks.
        QCOMPARE(plan.totals.openFindings, int(fl.facts.size()) - 1);
        QCOMPARE(plan.totals.images, 4);
        for (std::size_t i = 0; i < plan.actions.size(); ++i)
            QCOMPARE(plan.actions[i].rank, std::uint32_t(i + 1));
        double removable = 0;
        for (const auto &a : plan.actions)
            if (a.kind != layers::ActionKind::NoFix)
                removable += a.riskRemoved;
        QVERIFY(std::abs(removable - plan.riskRemovable) < 0.0015);

        // Scoped to the findings a filter selects: only those join actions, actions left
        // empty go, the totals count the scope, and the actions are the unscoped ones cut
        // down (same kinds and targets).
        std::vector<bool> scope(fl.facts.size(), false);
        for (std::uint32_t f : select("basefix or package = \"zlib\""))
            scope[f] = true;
        const layers::RemediationPlan scoped =
            layers::buildPlan(scoring, fl.layers, fl.bases, flags, scope);
        std::multiset<std::uint32_t> inScoped;
        for (const auto &a : scoped.actions) {
            QVERIFY(!a.findings.empty());
            inScoped.insert(a.findings.begin(), a.findings.end());
            const auto *full = actionHolding(plan, a.findings.front());
            QCOMPARE(a.kind, full->kind);
            QCOMPARE(a.target, full->target);
        }
        int openInScope = 0;
        for (std::size_t f = 0; f < fl.facts.size(); ++f) {
            const bool expected = scope[f] && scoring.isOpen(f);
            openInScope += expected;
            QCOMPARE(int(inScoped.count(std::uint32_t(f))), expected ? 1 : 0);
        }
        QCOMPARE(scoped.totals.openFindings, openInScope);
        QCOMPARE(scoped.totals.images, 2); // app1 and app2 hold them
        QVERIFY(scoped.actions.size() < plan.actions.size());
        for (std::size_t i = 0; i < scoped.actions.size(); ++i)
            QCOMPARE(scoped.actions[i].rank, std::uint32_t(i + 1));
    }

    void order()
    {
        Fleet fl;
        ImageFacts running;
        running.runningContainers = 3;
        running.runningSince = kNow - 100 * kDay;
        const auto hot = fl.image("hot:1", 2, running);
        const auto cold = fl.image("cold:1", 2);
        // cold: a Low finding first seen 200 days ago (SLA 120 days: breached) — little risk.
        const auto late = fl.finding({.image = cold,
                                      .package = "a",
                                      .fixed = "2",
                                      .severity = model::Severity::Low,
                                      .firstSeen = kNow - 200 * kDay});
        // hot: several High findings, fresh (within SLA), running → much more risk.
        std::vector<std::size_t> fresh;
        for (int i = 0; i < 3; ++i)
            fresh.push_back(
                fl.finding({.image = hot, .package = "b", .fixed = "2", .firstSeen = kNow - kDay}));
        fl.finding({.image = hot,
                    .package = "c",
                    .fixed = "2",
                    .severity = model::Severity::Medium,
                    .firstSeen = kNow - kDay});

        const Scoring scoring = Scoring::compute(fl.facts, Policy{}, 1);
        QVERIFY(scoring.slaBreached(late));
        QVERIFY(!scoring.slaBreached(fresh[0]));
        const auto plan = layers::buildPlan(
            scoring, fl.layers, fl.bases, layers::baseAttribution(fl.layers, fl.bases, scoring));
        QCOMPARE(plan.actions.size(), std::size_t(3));
        // The SLA breach first, despite the least risk; then by risk removed.
        QCOMPARE(plan.actions[0].target, std::string_view("a"));
        QCOMPARE(plan.actions[0].slaBreaches, 1);
        QCOMPARE(plan.actions[1].target, std::string_view("b"));
        QCOMPARE(plan.actions[1].findingsFixed, 3);
        QCOMPARE(plan.actions[1].runningContainers, 3);
        QCOMPARE(plan.actions[2].target, std::string_view("c"));
        QVERIFY(plan.actions[0].riskRemoved < plan.actions[2].riskRemoved);
        QVERIFY(plan.actions[1].riskRemoved > plan.actions[2].riskRemoved);
    }

    void mitigations()
    {
        Fleet fl;
        ImageFacts exposed;
        exposed.runningContainers = 2;
        exposed.internetExposed = true;
        exposed.exposureReasons = {"Service shop/web is a LoadBalancer (203.0.113.7)"};
        exposed.privileged = true;
        exposed.runsAsRoot = Tri::Yes;
        const auto web = fl.image("web:1", 2, exposed);
        ImageFacts quiet;
        quiet.runningContainers = 1;
        quiet.runsAsRoot = Tri::No;
        const auto worker = fl.image("worker:1", 2, quiet);
        const auto w1 =
            fl.finding({.image = web, .package = "glibc", .severity = model::Severity::Critical});
        const auto w2 = fl.finding({.image = web, .package = "perl"});
        const auto w3 = fl.finding({.image = web, .package = "curl", .fixed = "9"});
        const auto q1 = fl.finding({.image = worker, .package = "glibc"});

        const Scoring scoring = Scoring::compute(fl.facts, Policy{}, 1);
        const auto plan = layers::buildPlan(
            scoring, fl.layers, fl.bases, layers::baseAttribution(fl.layers, fl.bases, scoring));
        const auto *webNoFix = actionHolding(plan, w1);
        QCOMPARE(webNoFix, actionHolding(plan, w2));
        QCOMPARE(webNoFix->kind, layers::ActionKind::NoFix);
        QCOMPARE(
            int(webNoFix->mitigations),
            int(layers::RemoveInternetExposure | layers::DropPrivileges | layers::RunAsNonRoot));
        QCOMPARE(layers::mitigationNames(webNoFix->mitigations),
                 (std::vector<std::string_view>{
                     "remove-internet-exposure", "drop-privileges", "run-as-non-root"}));
        // What the mitigations take away is exactly the internet-exposure and privilege
        // points of its findings (everything else about them stays).
        double expected = 0;
        for (std::size_t f : {w1, w2})
            expected += scoring.breakdown(f)[int(Factor::InternetExposure)] +
                        scoring.breakdown(f)[int(Factor::Privilege)];
        QVERIFY(expected > 1.0);
        QVERIFY2(std::abs(webNoFix->riskRemoved - expected) < 0.003,
                 qPrintable(QStringLiteral("%1 vs %2").arg(webNoFix->riskRemoved).arg(expected)));
        QCOMPARE(webNoFix->runningContainers, 2);
        // A running non-root, unexposed image has nothing to mitigate.
        QCOMPARE(int(actionHolding(plan, q1)->mitigations), 0);
        QCOMPARE(actionHolding(plan, q1)->riskRemoved, 0.0);

        // Simulating the mitigation lowers the web image's risk by the same amount and
        // leaves its findings open; simulating the upgrade resolves its finding.
        const auto sim = layers::simulate(scoring, plan, {webNoFix->rank});
        QVERIFY(sim);
        QCOMPARE(sim->after.openFindings, sim->before.openFindings);
        QCOMPARE(sim->findingsFixed, 0);
        QCOMPARE(sim->runningContainersUpdated, 2);
        QCOMPARE(sim->images.size(), std::size_t(1));
        QCOMPARE(sim->images[0].image, web);
        const double webLess = sim->images[0].riskBefore - sim->images[0].riskAfter;
        double w3Points = scoring.breakdown(w3)[int(Factor::InternetExposure)] +
                          scoring.breakdown(w3)[int(Factor::Privilege)];
        QVERIFY2(std::abs(webLess - (expected + w3Points)) < 0.005,
                 qPrintable(QStringLiteral("%1 vs %2").arg(webLess).arg(expected + w3Points)));

        const auto *curl = actionHolding(plan, w3);
        const auto both = layers::simulate(scoring, plan, {curl->rank, webNoFix->rank, curl->rank});
        QVERIFY(both);
        QCOMPARE(both->applied.size(), std::size_t(2)); // duplicates once
        QCOMPARE(both->findingsFixed, 1);
        QCOMPARE(both->after.openFindings, both->before.openFindings - 1);
        QCOMPARE(both->after.fixableFindings, 0);

        const auto bad = layers::simulate(scoring, plan, {std::uint32_t(plan.actions.size() + 1)});
        QVERIFY(!bad);
        QVERIFY(bad.error().find("no action ranked") != std::string::npos);
    }

    // Burn-down and time to fix (risk::trends) on three findings with known dates.
    void trendPoints()
    {
        Fleet fl;
        const auto img = fl.image("web:1", 1);
        fl.finding({.image = img,
                    .package = "a",
                    .severity = model::Severity::High,
                    .firstSeen = kNow - 10 * kDay});
        fl.finding({.image = img,
                    .package = "b",
                    .fixed = "2",
                    .severity = model::Severity::Critical,
                    .firstSeen = kNow - 20 * kDay,
                    .resolved = true}); // resolved at kNow - 1 day
        fl.finding({.image = img,
                    .package = "c",
                    .severity = model::Severity::Low,
                    .firstSeen = kNow - 5 * kDay});
        const Scoring scoring = Scoring::compute(fl.facts, Policy{}, 1);
        const risk::Trends t = risk::trends(scoring);
        QCOMPARE(t.points.size(), std::size_t(4));
        QCOMPARE(t.points[0].time, kNow - 20 * kDay);
        QCOMPARE(t.points[0].open, (std::array<int, 5>{1, 0, 0, 0, 0}));
        QCOMPARE(t.points[1].open, (std::array<int, 5>{1, 1, 0, 0, 0}));
        QCOMPARE(t.points[2].open, (std::array<int, 5>{1, 1, 0, 1, 0}));
        QCOMPARE(t.points[3].time, kNow - kDay);
        QCOMPARE(t.points[3].open, (std::array<int, 5>{0, 1, 0, 1, 0}));
        QCOMPARE(t.points[3].resolvedSoFar, 1);
        QCOMPARE(t.resolved, (std::array<int, 5>{1, 0, 0, 0, 0}));
        QCOMPARE(t.meanDaysToFix[0], 19.0);
        QCOMPARE(t.medianDaysToFix[0], 19.0);
        // Grades as of each point: the Critical fix is 0, 10 and 15 days old (B, C, C: at
        // most 7 and 30 days), then resolved (A).
        QCOMPARE(t.grades.size(), std::size_t(4));
        const auto gradeAt = [&](std::size_t i) {
            for (int g = 0; g < 6; ++g)
                if (t.grades[i].images[std::size_t(g)] == 1)
                    return char('A' + g);
            return '?';
        };
        QCOMPARE(gradeAt(0), 'B');
        QCOMPARE(gradeAt(1), 'C');
        QCOMPARE(gradeAt(2), 'C');
        QCOMPARE(gradeAt(3), 'A');
        QCOMPARE(risk::trends(scoring, 2).grades.size(), std::size_t(2)); // first and last
    }

    void gradesAndSla()
    {
        // A Critical fix available for 60 days makes the image a D (docs/risk.md: over 30
        // days, within 90); the base update that fixes it brings it back to A, and the
        // breach is avoided.
        Fleet fl;
        const auto base = fl.image("alpine:3", 1);
        const auto app = fl.image("api:1", 2);
        fl.setBase(app, base);
        fl.finding({.image = app,
                    .package = "musl",
                    .fixed = "1.2.5",
                    .layer = 0,
                    .severity = model::Severity::Critical,
                    .firstSeen = kNow - 60 * kDay});
        fl.finding({.image = app, .package = "jq", .layer = 1, .severity = model::Severity::Low});
        const Scoring scoring = Scoring::compute(fl.facts, Policy{}, 1);
        const auto plan = layers::buildPlan(
            scoring, fl.layers, fl.bases, layers::baseAttribution(fl.layers, fl.bases, scoring));
        QCOMPARE(plan.actions.front().kind, layers::ActionKind::BaseImageUpdate);
        QCOMPARE(plan.actions.front().slaBreaches, 1);
        QCOMPARE(plan.totals.grades[3], 1); // api:1 is D
        const auto sim = layers::simulate(scoring, plan, {1});
        QVERIFY(sim);
        QCOMPARE(sim->slaBreachesAvoided, 1);
        QCOMPARE(sim->after.slaBreaches, 0);
        QCOMPARE(sim->after.grades[0], 2); // both A
        QCOMPARE(sim->images.size(), std::size_t(1));
        QCOMPARE(sim->images[0].gradeBefore, 'D');
        QCOMPARE(sim->images[0].gradeAfter, 'A');
        QCOMPARE(sim->images[0].openAfter, 1);
    }
};

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
