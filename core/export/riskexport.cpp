// SPDX-License-Identifier: GPL-3.0-or-later
#include "riskexport.h"

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

} // namespace patchwise::exporting
