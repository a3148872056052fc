// SPDX-License-Identifier: GPL-3.0-or-later
// Risk engine speed on a synthetic in-memory fleet: the first scoring, rescoring under a
// changed policy (weights, severity mode, environmental overrides) and re-ranking, plus a
// filter over the scored rows. Reports milliseconds (median of the rounds) and ratios to
// the targets of issue 4 (rescore 1M ≤ 50 ms, re-rank ≤ 150 ms), and the remediation plan
// (base attribution, building the plan, simulating its first actions); never fails on timing.
//
//   bench_risk [--findings N] [--images N] [--vulns N] [--rounds R] [--threads T]

#include "cvss/cvssscore.h"
#include "layers/plan.h"
#include "risk/engine.h"
#include "risk/filter.h"
#include "risk/scoredrows.h"
#include "store/decisions.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace patchwise;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

risk::Facts fleet(std::size_t findings, std::size_t images, std::size_t vulns)
{
    std::mt19937_64 rng(42);
    risk::Facts facts;
    facts.now = 1764300000;
    const std::uint16_t nvd = facts.sourceIndex("nvd");
    const std::uint16_t debian = facts.sourceIndex("debian");
    const std::uint16_t redhat = facts.sourceIndex("redhat");
    const char *vectors[] = {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                             "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
                             "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
                             "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
                             "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                             "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                             "AV:N/AC:L/Au:N/C:P/I:P/A:P"};
    for (std::size_t v = 0; v < vulns; ++v) {
        risk::VulnFacts vuln;
        vuln.id = "CVE-2025-" + std::to_string(10000 + v);
        const char *text = vectors[rng() % std::size(vectors)];
        auto vector = *cvss::Vector::parse(text);
        vuln.cvss.push_back({nvd, vector, cvss::score(vector).base, facts.intern(text)});
        vuln.ratings.push_back({nvd, model::Severity(2 + rng() % 4)});
        vuln.ratings.push_back({rng() % 2 ? debian : redhat, model::Severity(1 + rng() % 5)});
        vuln.kev = rng() % 50 == 0;
        vuln.ransomware = vuln.kev && rng() % 4 == 0;
        vuln.epss = rng() % 3 ? float(rng() % 10000) / 10000.0f : -1.0f;
        vuln.published = facts.now - std::int64_t(rng() % 2000) * 86400;
        facts.vulns.push_back(std::move(vuln));
    }
    for (std::size_t i = 0; i < images; ++i) {
        risk::ImageFacts image;
        image.id = std::int64_t(i + 1);
        image.name = "registry.example/team" + std::to_string(i % 40) + "/app" + std::to_string(i) +
                     ":1." + std::to_string(i % 7);
        image.repositories = {"registry.example/team" + std::to_string(i % 40) + "/app" +
                              std::to_string(i)};
        image.namespaces = {"ns" + std::to_string(i % 25)};
        image.vendorSource = i % 2 ? debian : redhat;
        image.runningContainers = rng() % 3 ? int(rng() % 200) : 0;
        image.internetExposed = image.runningContainers > 0 && rng() % 5 == 0;
        image.privileged = rng() % 20 == 0;
        image.runsAsRoot = rng() % 2 ? risk::Tri::Yes : risk::Tri::No;
        image.shell = risk::Tri(rng() % 3);
        image.runningSince = facts.now - std::int64_t(rng() % 400) * 86400;
        facts.images.push_back(std::move(image));
    }
    const std::uint32_t pkg = facts.intern("openssl");
    const std::uint32_t ver = facts.intern("3.0.1");
    const std::uint32_t type = facts.intern("deb");
    const std::uint32_t fix = facts.intern("3.0.9");
    for (std::size_t f = 0; f < findings; ++f) {
        const auto image = std::uint32_t(rng() % images);
        const auto vuln = std::uint32_t(rng() % vulns);
        facts.findingId.push_back(std::int64_t(f + 1));
        facts.image.push_back(image);
        facts.vuln.push_back(vuln);
        // One context per (vulnerability, vendor): the loader deduplicates the same way.
        facts.context.push_back(vuln * 2 + (facts.images[image].vendorSource == debian));
        facts.package.push_back(pkg);
        facts.version.push_back(ver);
        facts.packageType.push_back(type);
        facts.fixedVersions.push_back(rng() % 2 ? fix : 0);
        facts.fixState.push_back(std::uint8_t(rng() % 3));
        facts.flags.push_back(std::uint8_t((facts.fixedVersions.back() ? risk::Fixable : 0) |
                                           (rng() % 20 == 0 ? risk::Resolved : 0)));
        facts.firstSeen.push_back(facts.now - std::int64_t(rng() % 500) * 86400);
        facts.resolvedAt.push_back(0);
        facts.layerIndex.push_back(std::int16_t(rng() % 5));
    }
    for (std::uint32_t v = 0; v < vulns; ++v) {
        facts.contexts.push_back({v, redhat, model::Severity::Unknown});
        facts.contexts.push_back({v, debian, model::Severity::High});
    }
    return facts;
}

} // namespace

int main(int argc, char **argv)
{
    std::size_t findings = 1000000, images = 2000, vulns = 30000;
    int rounds = 7;
    unsigned threads = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const long v = std::atol(argv[i + 1]);
        if (!std::strcmp(argv[i], "--findings"))
            findings = std::size_t(v);
        else if (!std::strcmp(argv[i], "--images"))
            images = std::size_t(v);
        else if (!std::strcmp(argv[i], "--vulns"))
            vulns = std::size_t(v);
        else if (!std::strcmp(argv[i], "--rounds"))
            rounds = int(v);
        else if (!std::strcmp(argv[i], "--threads"))
            threads = unsigned(v);
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    auto t0 = Clock::now();
    const risk::Facts facts = fleet(findings, images, vulns);
    auto t1 = Clock::now();
    std::printf("fleet: %zu findings, %zu images, %zu vulnerabilities (built in %.0f ms)\n",
                facts.size(),
                images,
                vulns,
                ms(t0, t1));

    const risk::Policy base = risk::defaultPolicy();
    t0 = Clock::now();
    risk::Scoring scoring = risk::Scoring::compute(facts, base, threads);
    t1 = Clock::now();
    std::printf("first scoring + ranking (allocates):   %8.1f ms\n", ms(t0, t1));

    // What-if edits an analyst makes: a weight, the severity mode, an environmental override
    // for the whole fleet and one namespace.
    std::vector<risk::Policy> edits;
    {
        risk::Policy p = base;
        p.weights[int(risk::Factor::KnownExploited)] = 1.0;
        edits.push_back(p);
        p.severityMode = risk::SeverityMode::NvdFirst;
        edits.push_back(p);
        p.environmental.push_back(
            {risk::EnvironmentalOverride::Scope::Fleet, {}, {{"CR", "H"}, {"AR", "L"}}});
        edits.push_back(p);
        p.environmental.push_back(
            {risk::EnvironmentalOverride::Scope::Namespace, "ns3", {{"MAV", "A"}}});
        edits.push_back(p);
        p.ruleUnexposedAdjacent = true;
        edits.push_back(p);
    }
    std::vector<double> rescore, rerank;
    for (int r = 0; r < rounds; ++r) {
        const risk::Policy &p = edits[std::size_t(r) % edits.size()];
        t0 = Clock::now();
        scoring.rescore(p, threads);
        t1 = Clock::now();
        scoring.rerank(threads);
        const auto t2 = Clock::now();
        rescore.push_back(ms(t0, t1));
        rerank.push_back(ms(t1, t2));
    }
    const double scale = double(findings) / 1e6;
    const double rescoreMs = median(rescore), rerankMs = median(rerank);
    std::printf(
        "rescore under a changed policy:        %8.1f ms  (target 50 ms per 1M: ratio %.2f)\n",
        rescoreMs,
        rescoreMs / (50 * scale));
    std::printf(
        "re-rank:                               %8.1f ms  (target 150 ms per 1M: ratio %.2f)\n",
        rerankMs,
        rerankMs / (150 * scale));
    std::printf("rescore + re-rank:                     %8.1f ms  (%.1f M findings/s)\n",
                rescoreMs + rerankMs,
                double(findings) / (rescoreMs + rerankMs) / 1000.0);

    const risk::ScoredRows rows(scoring);
    const auto filter =
        risk::Filter::parse("severity >= high and kev and image ~ \"app1\" and not fixable");
    std::vector<double> filtering;
    std::size_t matched = 0;
    for (int r = 0; r < rounds; ++r) {
        t0 = Clock::now();
        matched = filter->select(rows, scoring.ranking()).size();
        filtering.push_back(ms(t0, Clock::now()));
    }
    std::printf("filter (4 conditions, %zu rows match):  %8.1f ms\n", matched, median(filtering));

    // The remediation plan: every image has 5 layers; two in three are built on one of 50
    // scanned bases (the first 2 layers).
    scoring.rescore(base, threads);
    scoring.rerank(threads);
    std::vector<store::ImageLayers> layerLists(images);
    std::vector<std::optional<layers::BaseImage>> bases(images);
    for (std::size_t i = 0; i < images; ++i) {
        layerLists[i].id = facts.images[i].id;
        layerLists[i].name = facts.images[i].name;
        for (int l = 0; l < 5; ++l)
            layerLists[i].layers.push_back(
                {"sha256:" + std::to_string(i * 5 + std::size_t(l)), {}, -1, {}});
        if (i >= 50 && i % 3 != 0) {
            layers::BaseImage b;
            b.index = i % 50;
            b.inWorkspace = true;
            b.name = facts.images[i % 50].name;
            b.layerCount = 2;
            b.detectedBy = "prefix";
            b.confidence = "high";
            bases[i] = b;
        }
    }
    std::vector<double> attribution, planning, simulating;
    std::size_t actions = 0;
    for (int r = 0; r < std::max(1, rounds / 2); ++r) {
        t0 = Clock::now();
        const auto flags = layers::baseAttribution(layerLists, bases, scoring);
        t1 = Clock::now();
        const auto plan = layers::buildPlan(scoring, layerLists, bases, flags);
        const auto t2 = Clock::now();
        const auto sim = layers::simulate(scoring, plan, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        const auto t3 = Clock::now();
        actions = plan.actions.size();
        attribution.push_back(ms(t0, t1));
        planning.push_back(ms(t1, t2));
        simulating.push_back(ms(t2, t3));
        if (!sim)
            return 1;
    }
    std::printf("base attribution per finding:          %8.1f ms\n", median(attribution));
    std::printf("build the plan (%zu actions):       %8.1f ms\n", actions, median(planning));
    std::printf("simulate 10 actions (rescore a copy):  %8.1f ms\n", median(simulating));

    // Applying triage decisions at load: the matcher over every finding, for a few and for
    // many decisions of every scope (a third each).
    for (const std::size_t count : {std::size_t(1000), std::size_t(100000)}) {
        std::vector<store::Decision> decisions;
        std::mt19937_64 rng(7);
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t f = std::uint32_t(rng() % facts.size());
            store::Decision pattern;
            pattern.scope = model::DecisionScope(i % 3);
            pattern.state = model::TriageState::FalsePositive;
            const std::uint32_t one[] = {f};
            auto made = store::decisionsForFindings(facts, one, pattern);
            decisions.insert(decisions.end(), made.begin(), made.end());
        }
        std::vector<double> matching;
        std::size_t decided = 0;
        for (int round = 0; round < rounds; ++round) {
            const auto t0 = Clock::now();
            const store::DecisionMatcher matcher(decisions, facts);
            decided = 0;
            for (std::uint32_t f = 0; f < facts.size(); ++f)
                decided += matcher.decisionOf(f) >= 0;
            matching.push_back(ms(t0, Clock::now()));
        }
        std::printf("apply %6zu decisions (%zu decided):  %8.1f ms\n",
                    decisions.size(),
                    decided,
                    median(matching));
    }
    return 0;
}
