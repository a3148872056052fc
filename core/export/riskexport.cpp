// SPDX-License-Identifier: GPL-3.0-or-later
#include "riskexport.h"

#include "findingsexport.h"
#include "util/jsonescape.h"
#include "util/timestamp.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace patchwise::exporting {

namespace {

constexpr const char *kOrder[5] = {"critical", "high", "medium", "low", "unknown"};

void stringList(std::string &out, const std::vector<std::string> &values)
{
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            out.push_back(',');
        appendJsonString(out, values[i]);
    }
    out.push_back(']');
}

void severityObject(std::string &out, const std::array<int, 5> &counts)
{
    out.push_back('{');
    for (std::size_t k = 0; k < 5; ++k)
        out.append((k ? ",\"" : "\"") + std::string(kOrder[k]) + "\":" + std::to_string(counts[k]));
    out.push_back('}');
}

void nullableString(std::string &out, const std::string &value)
{
    if (value.empty())
        out.append("null");
    else
        appendJsonString(out, value);
}

void totalsJson(std::string &out, const layers::PlanTotals &t)
{
    out.append("{\"images\":" + std::to_string(t.images));
    out.append(",\"runningContainers\":" + std::to_string(t.runningContainers));
    out.append(",\"openFindings\":" + std::to_string(t.openFindings));
    out.append(",\"fixableFindings\":" + std::to_string(t.fixableFindings));
    out.append(",\"bySeverity\":");
    severityObject(out, t.bySeverity);
    out.append(",\"totalRisk\":" + formatPoints(t.totalRisk));
    out.append(",\"slaBreaches\":" + std::to_string(t.slaBreaches));
    out.append(",\"grades\":{");
    for (std::size_t g = 0; g < t.grades.size(); ++g)
        out.append((g ? ",\"" : "\"") + std::string(1, char('A' + g)) +
                   "\":" + std::to_string(t.grades[g]));
    out.append("}}");
}

// imageDigest|vulnerability|package|installedVersion (the image's name when it has no digest).
std::string findingKey(const risk::Facts &facts, std::uint32_t f)
{
    const risk::ImageFacts &image = facts.images[facts.image[f]];
    return (image.digest.empty() ? image.name : image.digest) + "|" +
           facts.vulns[facts.vuln[f]].id + "|" + facts.strings[facts.package[f]] + "|" +
           facts.strings[facts.version[f]];
}

} // namespace

std::string imagesJson(const risk::Scoring &scoring)
{
    const risk::Facts &facts = scoring.facts();
    std::vector<risk::ImageSummary> images = scoring.images();
    std::stable_sort(images.begin(), images.end(), [](const auto &a, const auto &b) {
        if (a.grade != b.grade)
            return a.grade > b.grade;
        return a.riskSum > b.riskSum;
    });
    std::string out = "[";
    for (std::size_t n = 0; n < images.size(); ++n) {
        const risk::ImageSummary &s = images[n];
        const risk::ImageFacts &image = facts.images[s.image];
        const bool running = image.runningContainers > 0;
        out.append(n ? ",\n{" : "\n{");
        out.append("\"image\":");
        appendJsonString(out, image.name);
        out.append(",\"imageDigest\":");
        if (image.digest.empty())
            out.append("null");
        else
            appendJsonString(out, image.digest);
        out.append(",\"grade\":\"");
        out.push_back(s.grade);
        out.append("\",\"nextGradeDrop\":");
        if (s.nextGradeDrop)
            appendJsonString(out, formatTimestamp(s.nextGradeDrop));
        else
            out.append("null");
        out.append(",\"oldestCriticalFix\":");
        if (s.oldestCriticalFix)
            appendJsonString(out, formatTimestamp(s.oldestCriticalFix));
        else
            out.append("null");
        out.append(",\"oldestHighFix\":");
        if (s.oldestHighFix)
            appendJsonString(out, formatTimestamp(s.oldestHighFix));
        else
            out.append("null");
        // bySeverity in matrix order; negligible counts as low.
        const auto count = [&](model::Severity sev) { return s.bySeverity[std::size_t(sev)]; };
        out.append(
            ",\"bySeverity\":{\"critical\":" + std::to_string(count(model::Severity::Critical)) +
            ",\"high\":" + std::to_string(count(model::Severity::High)) +
            ",\"medium\":" + std::to_string(count(model::Severity::Medium)) + ",\"low\":" +
            std::to_string(count(model::Severity::Low) + count(model::Severity::Negligible)) +
            ",\"unknown\":" + std::to_string(count(model::Severity::Unknown)) + "}");
        out.append(",\"openFindings\":" + std::to_string(s.openFindings));
        out.append(",\"runningContainers\":" + std::to_string(image.runningContainers));
        out.append(",\"probableContainers\":" + std::to_string(image.probableContainers));
        out.append(",\"namespaces\":");
        stringList(out, image.namespaces);
        out.append(",\"internetExposed\":");
        out.append(running && image.internetExposed ? "true" : "false");
        out.append(",\"exposureReasons\":");
        stringList(out, running ? image.exposureReasons : std::vector<std::string>{});
        out.append(",\"privileged\":");
        out.append(running && (image.privileged || image.hostNamespace) ? "true" : "false");
        out.append(",\"runsAsRoot\":");
        out.append(image.runsAsRoot == risk::Tri::Yes  ? "true"
                   : image.runsAsRoot == risk::Tri::No ? "false"
                                                       : "null");
        out.append(",\"shell\":");
        out.append(image.shell == risk::Tri::Yes  ? "true"
                   : image.shell == risk::Tri::No ? "false"
                                                  : "null");
        out.append(",\"riskSum\":" + formatPoints(s.riskSum) + "}");
    }
    out.append(images.empty() ? "]\n" : "\n]\n");
    return out;
}

std::string layersJson(const layers::ImageLayerView &view, bool withLayers)
{
    const auto nullable = [](std::string &out, const std::string &value) {
        if (value.empty())
            out.append("null");
        else
            appendJsonString(out, value);
    };
    std::string out = "{\"image\":";
    appendJsonString(out, view.image);
    out.append(",\"imageDigest\":");
    nullable(out, view.imageDigest);
    out.append(",\n\"base\":");
    if (!view.base) {
        out.append("null");
    } else {
        out.append("{\"name\":");
        nullable(out, view.base->name);
        out.append(",\"digest\":");
        nullable(out, view.base->digest);
        out.append(",\"layerCount\":");
        out.append(view.base->layerCount >= 0 ? std::to_string(view.base->layerCount) : "null");
        out.append(",\"detectedBy\":");
        appendJsonString(out, view.base->detectedBy);
        out.append(",\"confidence\":");
        appendJsonString(out, view.base->confidence);
        out.append(",\"inWorkspace\":");
        out.append(view.base->inWorkspace ? "true" : "false");
        out.push_back('}');
    }
    if (!withLayers) {
        out.append("}\n");
        return out;
    }
    out.append(",\"unattributedFindings\":" + std::to_string(view.unattributed));
    out.append(",\n\"layers\":[");
    for (std::size_t i = 0; i < view.layers.size(); ++i) {
        const layers::LayerSummary &l = view.layers[i];
        out.append(i ? ",\n{" : "\n{");
        out.append("\"index\":" + std::to_string(l.index) + ",\"diffId\":");
        appendJsonString(out, l.diffId);
        out.append(",\"createdBy\":");
        nullable(out, l.createdBy);
        out.append(",\"size\":" + (l.size >= 0 ? std::to_string(l.size) : std::string("null")));
        out.append(",\"inBase\":");
        out.append(l.inBase ? "true" : "false");
        out.append(",\"findings\":" + std::to_string(l.findings) + ",\"bySeverity\":{");
        for (std::size_t k = 0; k < 5; ++k)
            out.append((k ? ",\"" : "\"") + std::string(kOrder[k]) +
                       "\":" + std::to_string(l.bySeverity[k]));
        out.append("},\"baseImageFixes\":" + std::to_string(l.baseImageFixes));
        out.append(",\"riskSum\":" + formatPoints(l.riskSum) + "}");
    }
    out.append(view.layers.empty() ? "]}\n" : "\n]}\n");
    return out;
}

std::string trendsJson(const risk::Trends &trends)
{
    std::string out = "{\"points\":[";
    for (std::size_t i = 0; i < trends.points.size(); ++i) {
        const risk::TrendPoint &p = trends.points[i];
        out.append(i ? ",\n{\"time\":" : "\n{\"time\":");
        appendJsonString(out, formatTimestamp(p.time));
        out.append(",\"open\":");
        severityObject(out, p.open);
        out.append(",\"resolvedSoFar\":" + std::to_string(p.resolvedSoFar) + "}");
    }
    out.append(trends.points.empty() ? "],\n\"timeToFix\":{" : "\n],\n\"timeToFix\":{");
    for (std::size_t c = 0; c < 5; ++c) {
        out.append((c ? ",\"" : "\"") + std::string(kOrder[c]) +
                   "\":{\"resolved\":" + std::to_string(trends.resolved[c]) +
                   ",\"meanDays\":" + formatPoints(trends.meanDaysToFix[c]) +
                   ",\"medianDays\":" + formatPoints(trends.medianDaysToFix[c]) + "}");
    }
    out.append("},\n\"grades\":[");
    for (std::size_t i = 0; i < trends.grades.size(); ++i) {
        const risk::GradePoint &g = trends.grades[i];
        out.append(i ? ",\n{\"time\":" : "\n{\"time\":");
        appendJsonString(out, formatTimestamp(g.time));
        out.append(",\"images\":{");
        for (std::size_t k = 0; k < 6; ++k)
            out.append((k ? ",\"" : "\"") + std::string(1, char('A' + k)) +
                       "\":" + std::to_string(g.images[k]));
        out.append("}}");
    }
    out.append(trends.grades.empty() ? "]}\n" : "\n]}\n");
    return out;
}

std::string matrixJson(const risk::SeverityMatrix &m)
{
    std::string out = "{\"vendor\":";
    appendJsonString(out, m.vendor);
    out.append(",\"vendors\":");
    stringList(out, m.vendors);
    const std::vector<std::string> order(std::begin(kOrder), std::end(kOrder));
    out.append(",\n\"rows\":");
    stringList(out, order);
    out.append(",\"columns\":");
    stringList(out, order);
    const auto grid = [&](const char *name, const std::array<std::array<int, 5>, 5> &cells) {
        out.append(",\n\"");
        out.append(name);
        out.append("\":[");
        for (std::size_t r = 0; r < 5; ++r) {
            out.append(r ? ",[" : "[");
            for (std::size_t c = 0; c < 5; ++c)
                out.append((c ? "," : "") + std::to_string(cells[r][c]));
            out.push_back(']');
        }
        out.push_back(']');
    };
    grid("distinctVulnerabilities", m.distinctVulnerabilities);
    grid("findings", m.findings);
    out.append("}\n");
    return out;
}

std::string planJson(const layers::RemediationPlan &plan, const risk::Scoring &scoring)
{
    const risk::Facts &facts = scoring.facts();
    std::string out = "{\"generatedAt\":";
    appendJsonString(out, formatTimestamp(facts.now));
    out.append(",\"policy\":");
    appendJsonString(out, scoring.policy().name);
    out.append(",\n\"summary\":");
    totalsJson(out, plan.totals);
    out.pop_back();
    std::array<int, 3> kinds{};
    for (const layers::RemediationAction &a : plan.actions)
        ++kinds[std::size_t(a.kind)];
    out.append(",\"riskRemovable\":" + formatPoints(plan.riskRemovable) + ",\"actions\":{");
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        out.append(k ? ",\"" : "\"");
        out.append(layers::actionKindName(layers::ActionKind(k)));
        out.append("\":" + std::to_string(kinds[k]));
    }
    out.append("}},\n\"actions\":[");
    for (std::size_t n = 0; n < plan.actions.size(); ++n) {
        const layers::RemediationAction &a = plan.actions[n];
        out.append(n ? ",\n{" : "\n{");
        out.append("\"rank\":" + std::to_string(a.rank) + ",\"kind\":\"");
        out.append(layers::actionKindName(a.kind));
        out.append("\",\"target\":");
        appendJsonString(out, a.target);
        switch (a.kind) {
        case layers::ActionKind::BaseImageUpdate:
            out.append(",\"targetDigest\":");
            nullableString(out, a.targetDigest);
            out.append(",\"baseLayers\":" +
                       (a.baseLayers >= 0 ? std::to_string(a.baseLayers) : std::string("null")));
            out.append(",\"detectedBy\":");
            appendJsonString(out, a.detectedBy);
            out.append(",\"confidence\":");
            appendJsonString(out, a.confidence);
            break;
        case layers::ActionKind::PackageUpgrade:
            out.append(",\"packageType\":");
            nullableString(out, a.packageType);
            out.append(",\"version\":");
            nullableString(out, a.version);
            out.append(",\"installedVersions\":");
            stringList(out, a.installedVersions);
            break;
        case layers::ActionKind::NoFix: {
            out.append(",\"mitigations\":[");
            const auto names = layers::mitigationNames(a.mitigations);
            for (std::size_t i = 0; i < names.size(); ++i) {
                out.append(i ? ",\"" : "\"");
                out.append(names[i]);
                out.push_back('"');
            }
            out.push_back(']');
            break;
        }
        }
        out.append(",\"images\":" + std::to_string(a.images.size()) + ",\"imageList\":[");
        for (std::size_t i = 0; i < a.images.size(); ++i) {
            const risk::ImageFacts &image = facts.images[a.images[i]];
            out.append(i ? ",{\"image\":" : "{\"image\":");
            appendJsonString(out, image.name);
            out.append(",\"imageDigest\":");
            nullableString(out, image.digest);
            out.append(",\"runningContainers\":" + std::to_string(image.runningContainers) + "}");
        }
        out.append("],\"runningContainers\":" + std::to_string(a.runningContainers));
        out.append(",\"findingsFixed\":" + std::to_string(a.findingsFixed));
        out.append(",\"bySeverity\":");
        severityObject(out, a.bySeverity);
        out.append(",\"riskRemoved\":" + formatPoints(a.riskRemoved));
        out.append(",\"slaBreaches\":" + std::to_string(a.slaBreaches));
        out.append(",\"findings\":[");
        for (std::size_t i = 0; i < a.findings.size(); ++i) {
            if (i)
                out.push_back(',');
            appendJsonString(out, findingKey(facts, a.findings[i]));
        }
        out.append("]}");
    }
    out.append(plan.actions.empty() ? "]}\n" : "\n]}\n");
    return out;
}

std::string planCsv(const layers::RemediationPlan &plan, const risk::Scoring &scoring)
{
    const risk::Facts &facts = scoring.facts();
    std::string out = "rank,kind,target,version,targetDigest,images,runningContainers,"
                      "findingsFixed,critical,high,medium,low,unknown,riskRemoved,slaBreaches,"
                      "mitigations,imageNames,findings\r\n";
    for (const layers::RemediationAction &a : plan.actions) {
        std::string mitigations, names, keys;
        for (std::string_view m : layers::mitigationNames(a.mitigations))
            mitigations.append(mitigations.empty() ? "" : "; ").append(m);
        for (std::uint32_t image : a.images)
            names.append(names.empty() ? "" : "; ").append(facts.images[image].name);
        for (std::uint32_t f : a.findings)
            keys.append(keys.empty() ? "" : "; ").append(findingKey(facts, f));
        out.append(std::to_string(a.rank) + ",");
        out.append(layers::actionKindName(a.kind));
        out.append("," + csvCell(a.target) + "," + csvCell(a.version) + "," +
                   csvCell(a.targetDigest) + "," + std::to_string(a.images.size()) + "," +
                   std::to_string(a.runningContainers) + "," + std::to_string(a.findingsFixed));
        for (int count : a.bySeverity)
            out.append("," + std::to_string(count));
        out.append("," + formatPoints(a.riskRemoved) + "," + std::to_string(a.slaBreaches) + "," +
                   csvCell(mitigations) + "," + csvCell(names) + "," + csvCell(keys) + "\r\n");
    }
    return out;
}

std::string planFindingsCsv(const layers::RemediationPlan &plan, const risk::Scoring &scoring)
{
    const risk::Facts &facts = scoring.facts();
    std::string out = "actionRank,actionKind,actionTarget,actionVersion,finding,vulnerability,"
                      "effectiveSeverity,riskScore,rank,package,installedVersion,fixedVersions,"
                      "packageType,image,imageDigest,knownExploited,slaDue,slaBreached\r\n";
    std::vector<std::uint32_t> findings;
    for (const layers::RemediationAction &a : plan.actions) {
        const std::string action = std::to_string(a.rank) + "," +
                                   std::string(layers::actionKindName(a.kind)) + "," +
                                   csvCell(a.target) + "," + csvCell(a.version) + ",";
        findings = a.findings;
        std::stable_sort(findings.begin(), findings.end(), [&](auto x, auto y) {
            return scoring.rank(x) < scoring.rank(y);
        });
        for (std::uint32_t f : findings) {
            const risk::ImageFacts &image = facts.images[facts.image[f]];
            const std::int64_t due = scoring.slaDue(f);
            out.append(action);
            out.append(csvCell(findingKey(facts, f)) + "," +
                       csvCell(facts.vulns[facts.vuln[f]].id) + ",");
            out.append(model::severityKey(scoring.severity(f)));
            out.append("," + formatPoints(scoring.risk(f)) + "," + std::to_string(scoring.rank(f)) +
                       "," + csvCell(facts.strings[facts.package[f]]) + "," +
                       csvCell(facts.strings[facts.version[f]]) + "," +
                       csvCell(facts.strings[facts.fixedVersions[f]]) + "," +
                       csvCell(facts.strings[facts.packageType[f]]) + "," + csvCell(image.name) +
                       "," + csvCell(image.digest) + "," +
                       (facts.vulns[facts.vuln[f]].kev ? "true" : "false") + "," +
                       (due > 0 ? formatTimestamp(due) : std::string()) + "," +
                       (scoring.slaBreached(f) ? "true" : "false") + "\r\n");
        }
    }
    return out;
}

std::string simulationJson(const layers::Simulation &simulation,
                           const layers::RemediationPlan &plan,
                           const risk::Scoring &scoring)
{
    const risk::Facts &facts = scoring.facts();
    const layers::PlanTotals &b = simulation.before, &a = simulation.after;
    std::string out = "{\"generatedAt\":";
    appendJsonString(out, formatTimestamp(facts.now));
    out.append(",\"policy\":");
    appendJsonString(out, scoring.policy().name);
    out.append(",\n\"applied\":[");
    for (std::size_t i = 0; i < simulation.applied.size(); ++i) {
        const layers::RemediationAction &action = plan.actions[simulation.applied[i] - 1];
        out.append(i ? ",{\"rank\":" : "{\"rank\":");
        out.append(std::to_string(action.rank) + ",\"kind\":\"");
        out.append(layers::actionKindName(action.kind));
        out.append("\",\"target\":");
        appendJsonString(out, action.target);
        out.push_back('}');
    }
    out.append("],\n\"before\":");
    totalsJson(out, b);
    out.append(",\n\"after\":");
    totalsJson(out, a);
    out.append(",\n\"change\":{\"totalRisk\":" + formatPoints(a.totalRisk - b.totalRisk));
    out.append(",\"openFindings\":" + std::to_string(a.openFindings - b.openFindings));
    out.append(",\"slaBreaches\":" + std::to_string(a.slaBreaches - b.slaBreaches) +
               ",\"grades\":{");
    for (std::size_t g = 0; g < a.grades.size(); ++g)
        out.append((g ? ",\"" : "\"") + std::string(1, char('A' + g)) +
                   "\":" + std::to_string(a.grades[g] - b.grades[g]));
    out.append("}},\n\"findingsFixed\":" + std::to_string(simulation.findingsFixed));
    out.append(",\"slaBreachesAvoided\":" + std::to_string(simulation.slaBreachesAvoided));
    out.append(",\"runningContainersUpdated\":" +
               std::to_string(simulation.runningContainersUpdated));
    out.append(",\n\"images\":[");
    for (std::size_t i = 0; i < simulation.images.size(); ++i) {
        const layers::ImageChange &c = simulation.images[i];
        const risk::ImageFacts &image = facts.images[c.image];
        out.append(i ? ",\n{\"image\":" : "\n{\"image\":");
        appendJsonString(out, image.name);
        out.append(",\"imageDigest\":");
        nullableString(out, image.digest);
        out.append(",\"gradeBefore\":\"" + std::string(1, c.gradeBefore) + "\",\"gradeAfter\":\"" +
                   std::string(1, c.gradeAfter) + "\"");
        out.append(",\"riskBefore\":" + formatPoints(c.riskBefore) +
                   ",\"riskAfter\":" + formatPoints(c.riskAfter));
        out.append(",\"openBefore\":" + std::to_string(c.openBefore) +
                   ",\"openAfter\":" + std::to_string(c.openAfter) + "}");
    }
    out.append(simulation.images.empty() ? "]}\n" : "\n]}\n");
    return out;
}

} // namespace patchwise::exporting
