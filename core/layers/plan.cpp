// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan.h"

#include "model/imageref.h"
#include "model/version.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace patchwise::layers {

namespace {

double round3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

std::uint8_t mitigationsOf(const risk::ImageFacts &image)
{
    if (image.runningContainers == 0)
        return 0; // nothing runs: no exposure or privilege to take away
    std::uint8_t m = 0;
    if (image.internetExposed)
        m |= RemoveInternetExposure;
    if (image.privileged || image.hostNamespace)
        m |= DropPrivileges;
    if (image.runsAsRoot == risk::Tri::Yes)
        m |= RunAsNonRoot;
    return m;
}

void mitigate(risk::ImageFacts &image, std::uint8_t m)
{
    if (m & RemoveInternetExposure) {
        image.internetExposed = false;
        image.exposureReasons.clear();
    }
    if (m & DropPrivileges) {
        image.privileged = false;
        image.hostNamespace = false;
    }
    if (m & RunAsNonRoot)
        image.runsAsRoot = risk::Tri::No;
}

int certainty(std::string_view confidence)
{
    return confidence == "high" ? 2 : confidence == "medium" ? 1 : 0;
}

// How base-image-update actions are told apart: the base's name, normalised (images built on
// different builds of "python:3.12-slim", scanned or named by a label, share one update);
// else the scanned base image; else its layers (an unnamed base recognised by history).
struct BaseKey
{
    std::string key, target, digest;
};

BaseKey baseKey(const store::ImageLayers &image, const BaseImage &base)
{
    if (!base.name.empty())
        if (const std::string ref = model::normalizedImageRef(base.name); !ref.empty())
            return {"name:" + ref, base.name, base.digest};
    if (base.inWorkspace)
        return {"image:" + std::to_string(base.index), base.name, base.digest};
    if (!base.name.empty())
        return {"name:" + base.name, base.name, base.digest};
    std::string key = "layers:";
    const std::size_t n = std::min<std::size_t>(std::size_t(base.layerCount), image.layers.size());
    for (std::size_t i = 0; i < n; ++i)
        key += image.layers[i].diffId + ",";
    const std::string top = n ? image.layers[n - 1].diffId : std::string();
    return {key,
            "unnamed base (" + std::to_string(n) + (n == 1 ? " layer, top " : " layers, top ") +
                top.substr(0, 19) + ")",
            base.digest};
}

// The fact table with only the given findings (in that order).
risk::Facts subset(const risk::Facts &facts, const std::vector<std::uint32_t> &findings)
{
    risk::Facts out;
    out.now = facts.now;
    out.sources = facts.sources;
    out.strings = facts.strings;
    out.images = facts.images;
    out.vulns = facts.vulns;
    out.contexts = facts.contexts;
    const auto pick = [&](auto &to, const auto &from) {
        if (from.size() != facts.size())
            return; // an optional column that is not filled
        to.reserve(findings.size());
        for (std::uint32_t f : findings)
            to.push_back(from[f]);
    };
    pick(out.findingId, facts.findingId);
    pick(out.image, facts.image);
    pick(out.vuln, facts.vuln);
    pick(out.context, facts.context);
    pick(out.package, facts.package);
    pick(out.version, facts.version);
    pick(out.packageType, facts.packageType);
    pick(out.fixedVersions, facts.fixedVersions);
    pick(out.layerIndex, facts.layerIndex);
    pick(out.fixState, facts.fixState);
    pick(out.flags, facts.flags);
    pick(out.firstSeen, facts.firstSeen);
    pick(out.resolvedAt, facts.resolvedAt);
    return out;
}

} // namespace

std::string_view actionKindName(ActionKind kind)
{
    switch (kind) {
    case ActionKind::BaseImageUpdate:
        return "base-image-update";
    case ActionKind::PackageUpgrade:
        return "package-upgrade";
    case ActionKind::NoFix:
        break;
    }
    return "no-fix";
}

std::vector<std::string_view> mitigationNames(std::uint8_t mitigations)
{
    std::vector<std::string_view> names;
    if (mitigations & RemoveInternetExposure)
        names.push_back("remove-internet-exposure");
    if (mitigations & DropPrivileges)
        names.push_back("drop-privileges");
    if (mitigations & RunAsNonRoot)
        names.push_back("run-as-non-root");
    return names;
}

PlanTotals planTotals(const risk::Scoring &scoring, const std::vector<bool> &scope)
{
    const risk::Facts &facts = scoring.facts();
    const bool scoped = !scope.empty();
    std::vector<bool> imageInScope(facts.images.size(), !scoped);
    PlanTotals t;
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (scoped) {
            if (f >= scope.size() || !scope[f])
                continue;
            imageInScope[facts.image[f]] = true;
        }
        if (!scoring.isOpen(f))
            continue;
        ++t.openFindings;
        if (facts.flags[f] & risk::Fixable)
            ++t.fixableFindings;
        ++t.bySeverity[std::size_t(model::reportColumn(scoring.severity(f)))];
        t.totalRisk += scoring.risk(f);
        if (scoring.slaBreached(f))
            ++t.slaBreaches;
    }
    t.totalRisk = round3(t.totalRisk);
    const std::vector<risk::ImageSummary> &summaries = scoring.images();
    for (std::size_t i = 0; i < facts.images.size(); ++i) {
        if (!imageInScope[i])
            continue;
        ++t.images;
        t.runningContainers += facts.images[i].runningContainers;
        const char grade = i < summaries.size() ? summaries[i].grade : 0;
        if (grade >= 'A' && grade <= 'F')
            ++t.grades[std::size_t(grade - 'A')];
    }
    return t;
}

RemediationPlan buildPlan(const risk::Scoring &scoring,
                          const std::vector<store::ImageLayers> &images,
                          const std::vector<std::optional<BaseImage>> &bases,
                          const std::vector<BaseFlags> &flags,
                          const std::vector<bool> &scope)
{
    const risk::Facts &facts = scoring.facts();
    const bool scoped = !scope.empty();
    RemediationPlan plan;
    plan.totals = planTotals(scoring, scope);
    std::vector<RemediationAction> &actions = plan.actions;

    // One base-image-update action per base, holding every image built on it.
    std::unordered_map<std::int64_t, std::size_t> layersById;
    for (std::size_t i = 0; i < images.size(); ++i)
        layersById[images[i].id] = i;
    std::vector<std::int64_t> baseAction(facts.images.size(), -1);
    std::unordered_map<std::string, std::size_t> actionByBase;
    std::vector<bool> baseScanned; // per base action: named after a scanned base image
    for (std::size_t i = 0; i < facts.images.size(); ++i) {
        const auto it = layersById.find(facts.images[i].id);
        if (it == layersById.end() || !bases[it->second] || bases[it->second]->layerCount <= 0)
            continue;
        const BaseImage &base = *bases[it->second];
        const BaseKey key = baseKey(images[it->second], base);
        auto [slot, added] = actionByBase.try_emplace(key.key, actions.size());
        if (added) {
            RemediationAction a;
            a.kind = ActionKind::BaseImageUpdate;
            a.target = key.target;
            a.targetDigest = key.digest;
            a.detectedBy = base.detectedBy;
            a.confidence = base.confidence;
            a.baseLayers = base.layerCount;
            actions.push_back(std::move(a));
            baseScanned.push_back(false);
        }
        RemediationAction &a = actions[slot->second];
        if (base.inWorkspace && !baseScanned[slot->second]) {
            // The scanned base names the update better than a label does.
            a.target = base.name;
            a.targetDigest = base.digest;
            baseScanned[slot->second] = true;
        }
        if (certainty(base.confidence) < certainty(a.confidence)) {
            a.confidence = base.confidence;
            a.detectedBy = base.detectedBy;
        }
        if (a.baseLayers != base.layerCount)
            a.baseLayers = -1; // builds of a named base with different layer counts
        a.images.push_back(std::uint32_t(i));
        baseAction[i] = std::int64_t(slot->second);
    }

    // Every open finding joins one action. Packages are told apart by name and type (the
    // string pool need not hold each text once).
    std::unordered_map<std::string_view, std::uint32_t> textId;
    const auto idOf = [&](std::uint32_t string) {
        return textId.try_emplace(facts.strings[string], std::uint32_t(textId.size()))
            .first->second;
    };
    std::unordered_map<std::uint64_t, std::size_t> upgrades;
    std::vector<std::int64_t> noFixAction(facts.images.size(), -1);
    std::vector<std::vector<std::uint32_t>> installed(actions.size()); // version strings
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (!scoring.isOpen(f) || (scoped && (f >= scope.size() || !scope[f])))
            continue;
        const std::uint32_t image = facts.image[f];
        std::size_t slot;
        if (f < flags.size() && flags[f].baseImageFix && baseAction[image] >= 0) {
            slot = std::size_t(baseAction[image]);
        } else if (facts.flags[f] & risk::Fixable) {
            // (image, package, type) in 24 + 24 + 16 bits; past that, keys may merge actions
            // of different packages only in fleets far beyond any real one.
            const std::uint64_t key = (std::uint64_t(image) << 40) |
                                      (std::uint64_t(idOf(facts.package[f]) & 0xFFFFFF) << 16) |
                                      (idOf(facts.packageType[f]) & 0xFFFF);
            auto [it, added] = upgrades.try_emplace(key, actions.size());
            if (added) {
                RemediationAction a;
                a.kind = ActionKind::PackageUpgrade;
                a.target = facts.strings[facts.package[f]];
                a.packageType = facts.strings[facts.packageType[f]];
                a.images = {image};
                actions.push_back(std::move(a));
                installed.emplace_back();
            }
            slot = it->second;
            RemediationAction &a = actions[slot];
            installed[slot].push_back(facts.version[f]);
            const std::string_view target = model::upgradeTarget(
                facts.strings[facts.version[f]], facts.strings[facts.fixedVersions[f]]);
            if (a.version.empty() || model::compareVersions(target, a.version) > 0)
                a.version = target;
        } else {
            if (noFixAction[image] < 0) {
                noFixAction[image] = std::int64_t(actions.size());
                RemediationAction a;
                a.kind = ActionKind::NoFix;
                a.target = facts.images[image].name;
                a.images = {image};
                a.mitigations = mitigationsOf(facts.images[image]);
                actions.push_back(std::move(a));
                installed.emplace_back();
            }
            slot = std::size_t(noFixAction[image]);
        }
        RemediationAction &a = actions[slot];
        a.findings.push_back(std::uint32_t(f));
        ++a.bySeverity[std::size_t(model::reportColumn(scoring.severity(f)))];
        if (a.kind != ActionKind::NoFix) {
            ++a.findingsFixed;
            a.riskRemoved += scoring.risk(f);
            if (scoring.slaBreached(f))
                ++a.slaBreaches;
        }
    }

    // What the mitigations take off the findings without a fix: rescore a copy of the facts
    // with every mitigation applied.
    bool anyMitigation = false;
    for (const RemediationAction &a : actions)
        anyMitigation = anyMitigation || (a.kind == ActionKind::NoFix && a.mitigations != 0);
    if (anyMitigation) {
        // A finding's risk depends on its own image, vulnerability and context only, so a
        // fact table of just the findings concerned (same images, vulnerabilities and
        // contexts) scores them the same.
        std::vector<std::uint32_t> concerned;
        for (const RemediationAction &a : actions)
            if (a.kind == ActionKind::NoFix && a.mitigations != 0)
                concerned.insert(concerned.end(), a.findings.begin(), a.findings.end());
        risk::Facts mitigated = subset(facts, concerned);
        for (const RemediationAction &a : actions)
            if (a.kind == ActionKind::NoFix)
                mitigate(mitigated.images[a.images.front()], a.mitigations);
        const risk::Scoring after = risk::Scoring::compute(mitigated, scoring.policy());
        std::size_t next = 0;
        for (RemediationAction &a : actions)
            if (a.kind == ActionKind::NoFix && a.mitigations != 0)
                for (std::uint32_t f : a.findings)
                    a.riskRemoved += std::max(0.0, double(scoring.risk(f)) - after.risk(next++));
    }

    for (std::size_t i = 0; i < actions.size(); ++i) {
        RemediationAction &a = actions[i];
        for (std::uint32_t v : installed[i])
            a.installedVersions.push_back(facts.strings[v]);
        std::sort(a.installedVersions.begin(), a.installedVersions.end());
        a.installedVersions.erase(
            std::unique(a.installedVersions.begin(), a.installedVersions.end()),
            a.installedVersions.end());
        a.riskRemoved = round3(a.riskRemoved);
        for (std::uint32_t image : a.images)
            a.runningContainers += facts.images[image].runningContainers;
        if (a.kind != ActionKind::NoFix)
            plan.riskRemovable += a.riskRemoved;
    }
    plan.riskRemovable = round3(plan.riskRemovable);
    if (scoped)
        actions.erase(std::remove_if(actions.begin(),
                                     actions.end(),
                                     [](const RemediationAction &a) { return a.findings.empty(); }),
                      actions.end());

    const auto imageName = [&](const RemediationAction &a) -> const std::string & {
        return facts.images[a.images.front()].name;
    };
    std::stable_sort(actions.begin(), actions.end(), [&](const auto &a, const auto &b) {
        if ((a.slaBreaches > 0) != (b.slaBreaches > 0))
            return a.slaBreaches > 0;
        if (a.riskRemoved != b.riskRemoved)
            return a.riskRemoved > b.riskRemoved;
        if (a.findingsFixed != b.findingsFixed)
            return a.findingsFixed > b.findingsFixed;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.target != b.target)
            return a.target < b.target;
        if (a.images.empty() || b.images.empty())
            return !a.images.empty() && b.images.empty();
        return imageName(a) < imageName(b);
    });
    for (std::size_t i = 0; i < actions.size(); ++i)
        actions[i].rank = std::uint32_t(i + 1);
    return plan;
}

Result<Simulation> simulate(const risk::Scoring &scoring,
                            const RemediationPlan &plan,
                            const std::vector<std::uint32_t> &ranks)
{
    Simulation sim;
    for (std::uint32_t rank : ranks) {
        if (rank == 0 || rank > plan.actions.size())
            return Unexpected("no action ranked " + std::to_string(rank) + " (the plan has " +
                              std::to_string(plan.actions.size()) + " actions)");
        sim.applied.push_back(rank);
    }
    std::sort(sim.applied.begin(), sim.applied.end());
    sim.applied.erase(std::unique(sim.applied.begin(), sim.applied.end()), sim.applied.end());

    const risk::Facts &facts = scoring.facts();
    risk::Facts changed = facts;
    std::vector<bool> touched(facts.images.size());
    for (std::uint32_t rank : sim.applied) {
        const RemediationAction &a = plan.actions[rank - 1];
        if (a.kind == ActionKind::NoFix) {
            for (std::uint32_t image : a.images) {
                mitigate(changed.images[image], a.mitigations);
                touched[image] = touched[image] || a.mitigations != 0;
            }
            continue;
        }
        for (std::uint32_t f : a.findings) {
            changed.flags[f] |= risk::Resolved;
            changed.resolvedAt[f] = facts.now;
        }
        for (std::uint32_t image : a.images)
            touched[image] = true;
        sim.findingsFixed += a.findingsFixed;
    }
    const risk::Scoring after = risk::Scoring::compute(changed, scoring.policy());
    sim.before = planTotals(scoring);
    sim.after = planTotals(after);
    sim.slaBreachesAvoided = sim.before.slaBreaches - sim.after.slaBreaches;
    for (std::size_t i = 0; i < facts.images.size(); ++i)
        if (touched[i])
            sim.runningContainersUpdated += facts.images[i].runningContainers;
    const std::vector<risk::ImageSummary> before = scoring.images(), later = after.images();
    for (std::size_t i = 0; i < before.size(); ++i) {
        ImageChange c;
        c.image = std::uint32_t(i);
        c.gradeBefore = before[i].grade;
        c.gradeAfter = later[i].grade;
        c.riskBefore = before[i].riskSum;
        c.riskAfter = later[i].riskSum;
        c.openBefore = before[i].openFindings;
        c.openAfter = later[i].openFindings;
        if (c.gradeBefore != c.gradeAfter || c.riskBefore != c.riskAfter ||
            c.openBefore != c.openAfter)
            sim.images.push_back(c);
    }
    return sim;
}

} // namespace patchwise::layers
