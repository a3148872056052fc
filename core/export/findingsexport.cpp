// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsexport.h"

#include "util/jsonescape.h"
#include "util/timestamp.h"

#include <cstdio>

namespace patchwise::exporting {

namespace {

void key(std::string &out, const char *name)
{
    out.push_back('"');
    out.append(name);
    out.append("\":");
}

void str(std::string &out, const char *name, std::string_view value)
{
    key(out, name);
    appendJsonString(out, value);
    out.push_back(',');
}

void strOrNull(std::string &out, const char *name, std::string_view value)
{
    key(out, name);
    if (value.empty())
        out.append("null");
    else
        appendJsonString(out, value);
    out.push_back(',');
}

void list(std::string &out, const char *name, const std::vector<std::string> &values)
{
    key(out, name);
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            out.push_back(',');
        appendJsonString(out, values[i]);
    }
    out.append("],");
}

std::string time(std::int64_t t)
{
    return t ? formatTimestamp(t) : std::string();
}

std::string number(double d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", d);
    return buf;
}

std::string tenths(int t)
{
    return std::to_string(t / 10) + "." + std::to_string(t % 10);
}

std::string tri(risk::Tri t)
{
    return t == risk::Tri::Yes ? "true" : t == risk::Tri::No ? "false" : "null";
}

std::string dateOnly(std::int64_t t)
{
    return t ? formatTimestamp(t) : std::string();
}

void riskJson(std::string &out, const risk::FindingRisk &r)
{
    str(out, "effectiveSeverity", r.effectiveSeverity);
    strOrNull(out, "severitySource", r.severitySource);
    key(out, "effectiveCvss");
    if (r.cvss.record < 0) {
        out.append("null,");
    } else {
        out.append("{\"source\":");
        appendJsonString(out, r.cvssSource);
        out.append(",\"version\":");
        appendJsonString(out, cvss::versionName(r.cvss.version));
        out.append(",\"vector\":");
        appendJsonString(out, r.cvss.vector);
        out.append(",\"base\":");
        out.append(r.cvss.baseTenths >= 0 ? tenths(r.cvss.baseTenths) : std::string("null"));
        out.append(",\"environmental\":");
        out.append(r.cvss.environmentalTenths >= 0 ? tenths(r.cvss.environmentalTenths)
                                                   : std::string("null"));
        out.append(",\"score\":");
        out.append(r.cvss.scoredTenths >= 0 ? tenths(r.cvss.scoredTenths) : std::string("null"));
        out.append("},");
    }
    key(out, "riskScore");
    out.append(formatPoints(r.riskScore));
    out.push_back(',');
    key(out, "riskFactors");
    out.push_back('{');
    for (int k = 0; k < risk::FactorCount; ++k) {
        if (k)
            out.push_back(',');
        appendJsonString(out, risk::factorName(risk::Factor(k)));
        out.push_back(':');
        out.append(formatPoints(r.factors[std::size_t(k)]));
    }
    out.append("},");
    key(out, "rank");
    out.append(r.rank ? std::to_string(r.rank) : std::string("null"));
    out.push_back(',');
    str(out, "decision", r.decision);
    str(out, "triageState", r.triageState);
    key(out, "triageExpired");
    out.append(r.triageExpired ? "true," : "false,");
    key(out, "fixable");
    out.append(r.fixable ? "true," : "false,");
    key(out, "ransomware");
    out.append(r.ransomware ? "true," : "false,");
    list(out, "namespaces", r.namespaces);
    key(out, "internetExposed");
    out.append(r.internetExposed ? "true," : "false,");
    list(out, "exposureReasons", r.exposureReasons);
    key(out, "privileged");
    out.append(r.privileged ? "true," : "false,");
    key(out, "runsAsRoot");
    out.append(tri(r.runsAsRoot) + ",");
    key(out, "shell");
    out.append(tri(r.shell) + ",");
    key(out, "exposureDays");
    out.append(formatPoints(r.exposureDays));
    out.push_back(',');
    strOrNull(out, "slaDue", dateOnly(r.slaDue));
    key(out, "slaBreached");
    out.append(r.slaBreached ? "true," : "false,");
    key(out, "inBaseImage");
    out.append(r.inBaseImage > 0 ? "true," : r.inBaseImage == 0 ? "false," : "null,");
    key(out, "baseImageFix");
    out.append(r.baseImageFix ? "true," : "false,");
}

std::string join(const std::vector<std::string> &values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            out.append("; ");
        out.append(values[i]);
    }
    return out;
}

} // namespace

std::string findingsJson(const std::vector<store::FindingRow> &rows)
{
    std::string out = "[";
    appendFindingsJson(out, rows, true);
    out.append(rows.empty() ? "]\n" : "\n]\n");
    return out;
}

void appendFindingsJson(std::string &out,
                        const std::vector<store::FindingRow> &rows,
                        bool firstInArray)
{
    for (std::size_t n = 0; n < rows.size(); ++n) {
        const store::FindingRow &r = rows[n];
        out.append(n || !firstInArray ? ",\n{" : "\n{");
        str(out, "vulnerability", r.vulnerability);
        list(out, "aliases", r.aliases);
        strOrNull(out, "title", r.title);
        strOrNull(out, "description", r.description);
        str(out, "image", r.image);
        strOrNull(out, "imageDigest", r.imageDigest);
        list(out, "repoDigests", r.repoDigests);
        str(out, "package", r.package);
        str(out, "installedVersion", r.installedVersion);
        strOrNull(out, "packageType", r.packageType);
        strOrNull(out, "purl", r.purl);
        strOrNull(out, "packagePath", r.packagePath);
        list(out, "fixedVersions", r.fixedVersions);
        str(out, "fixState", r.fixState);
        strOrNull(out, "fixStateWord", r.fixStateWord);
        key(out, "severities");
        out.push_back('{');
        for (std::size_t i = 0; i < r.severities.size(); ++i) {
            if (i)
                out.push_back(',');
            appendJsonString(out, r.severities[i].first);
            out.push_back(':');
            appendJsonString(out, r.severities[i].second);
        }
        out.append("},");
        key(out, "cvss");
        out.push_back('[');
        for (std::size_t i = 0; i < r.cvss.size(); ++i) {
            const auto &c = r.cvss[i];
            if (i)
                out.push_back(',');
            out.append("{\"source\":");
            appendJsonString(out, c.source);
            out.append(",\"version\":");
            appendJsonString(out, c.version);
            out.append(",\"vector\":");
            appendJsonString(out, c.vector);
            out.append(",\"base\":");
            out.append(c.baseTenths >= 0 ? tenths(c.baseTenths) : std::string("null"));
            out.push_back('}');
        }
        out.append("],");
        strOrNull(out, "layerDiffId", r.layerDiffId);
        key(out, "layerIndex");
        out.append(r.layerIndex >= 0 ? std::to_string(r.layerIndex) : std::string("null"));
        out.push_back(',');
        strOrNull(out, "firstSeen", time(r.firstSeen));
        strOrNull(out, "lastSeen", time(r.lastSeen));
        strOrNull(out, "resolvedAt", r.resolvedAt ? time(*r.resolvedAt) : std::string());
        key(out, "suppressed");
        out.append(r.suppressed ? "true," : "false,");
        key(out, "kev");
        out.append(r.kev ? "true," : "false,");
        key(out, "epss");
        out.append(r.epss ? number(*r.epss) : std::string("null"));
        out.push_back(',');
        key(out, "runningContainers");
        out.append(std::to_string(r.runningContainers));
        out.push_back(',');
        key(out, "probableContainers");
        out.append(std::to_string(r.probableContainers));
        out.push_back(',');
        list(out, "scanners", r.scanners);
        if (r.risk)
            riskJson(out, *r.risk);
        out.back() = '}';
    }
}

std::string csvCell(std::string_view text)
{
    std::string cell;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r'))
        cell.push_back('\'');
    cell.append(text);
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string findingsCsv(const std::vector<store::FindingRow> &rows, bool withRisk, bool header)
{
    std::string out;
    if (header)
        out =
            "vulnerability,aliases,title,description,image,imageDigest,repoDigests,package,"
            "installedVersion,packageType,purl,"
            "packagePath,fixedVersions,fixState,fixStateWord,severities,cvss,layerDiffId,"
            "layerIndex,firstSeen,"
            "lastSeen,resolvedAt,suppressed,kev,epss,runningContainers,probableContainers,scanners";
    if (header && withRisk)
        out += ",rank,riskScore,effectiveSeverity,severitySource,cvssSource,cvssVersion,cvssVector,"
               "cvssBase,cvssEnvironmental,cvssScore,decision,triageState,triageExpired,"
               "internetExposed,privileged,"
               "runsAsRoot,shell,"
               "exposureDays,slaDue,slaBreached,inBaseImage,baseImageFix";
    if (header && withRisk)
        for (int k = 0; k < risk::FactorCount; ++k)
            out += ",factor:" + std::string(risk::factorName(risk::Factor(k)));
    if (header)
        out += "\r\n";
    for (const store::FindingRow &r : rows) {
        std::vector<std::string> severities, cvss;
        for (const auto &[source, sev] : r.severities)
            severities.push_back(source + "=" + sev);
        for (const auto &c : r.cvss)
            cvss.push_back(c.source + " " + c.version + " " + c.vector +
                           (c.baseTenths >= 0 ? " " + tenths(c.baseTenths) : std::string()));
        const std::string cells[] = {r.vulnerability,
                                     join(r.aliases),
                                     r.title,
                                     r.description,
                                     r.image,
                                     r.imageDigest,
                                     join(r.repoDigests),
                                     r.package,
                                     r.installedVersion,
                                     r.packageType,
                                     r.purl,
                                     r.packagePath,
                                     join(r.fixedVersions),
                                     r.fixState,
                                     r.fixStateWord,
                                     join(severities),
                                     join(cvss),
                                     r.layerDiffId,
                                     r.layerIndex >= 0 ? std::to_string(r.layerIndex)
                                                       : std::string(),
                                     time(r.firstSeen),
                                     time(r.lastSeen),
                                     r.resolvedAt ? time(*r.resolvedAt) : std::string(),
                                     r.suppressed ? "true" : "false",
                                     r.kev ? "true" : "false",
                                     r.epss ? number(*r.epss) : std::string(),
                                     std::to_string(r.runningContainers),
                                     std::to_string(r.probableContainers),
                                     join(r.scanners)};
        for (std::size_t i = 0; i < std::size(cells); ++i) {
            if (i)
                out.push_back(',');
            out.append(csvCell(cells[i]));
        }
        if (withRisk && r.risk) {
            const risk::FindingRisk &k = *r.risk;
            const bool hasCvss = k.cvss.record >= 0;
            const std::string more[] = {
                k.rank ? std::to_string(k.rank) : std::string(),
                formatPoints(k.riskScore),
                k.effectiveSeverity,
                k.severitySource,
                k.cvssSource,
                hasCvss ? std::string(cvss::versionName(k.cvss.version)) : std::string(),
                k.cvss.vector,
                hasCvss && k.cvss.baseTenths >= 0 ? tenths(k.cvss.baseTenths) : std::string(),
                hasCvss && k.cvss.environmentalTenths >= 0 ? tenths(k.cvss.environmentalTenths)
                                                           : std::string(),
                hasCvss && k.cvss.scoredTenths >= 0 ? tenths(k.cvss.scoredTenths) : std::string(),
                k.decision,
                k.triageState,
                k.triageExpired ? "true" : "false",
                k.internetExposed ? "true" : "false",
                k.privileged ? "true" : "false",
                tri(k.runsAsRoot) == "null" ? std::string() : tri(k.runsAsRoot),
                tri(k.shell) == "null" ? std::string() : tri(k.shell),
                formatPoints(k.exposureDays),
                dateOnly(k.slaDue),
                k.slaBreached ? "true" : "false",
                k.inBaseImage > 0    ? "true"
                : k.inBaseImage == 0 ? "false"
                                     : "",
                k.baseImageFix ? "true" : "false"};
            for (const std::string &cell : more)
                out.append(",").append(csvCell(cell));
            for (float f : k.factors)
                out.append(",").append(formatPoints(f));
        }
        out.append("\r\n");
    }
    return out;
}

std::string importReportJson(const store::ImportReport &report)
{
    std::string out = "{\"files\":[";
    int images = 0, findings = 0, containers = 0;
    for (std::size_t i = 0; i < report.summary.files.size(); ++i) {
        const store::ImportedFile &f = report.summary.files[i];
        images += f.images;
        findings += f.findings;
        containers += f.containers;
        out.append(i ? ",\n{" : "\n{");
        str(out, "path", f.path);
        str(out, "format", f.format);
        key(out, "alreadyImported");
        out.append(f.alreadyImported ? "true," : "false,");
        key(out, "images");
        out.append(std::to_string(f.images) + ",");
        key(out, "findings");
        out.append(std::to_string(f.findings) + ",");
        key(out, "containers");
        out.append(std::to_string(f.containers) + ",");
        key(out, "feedEntries");
        out.append(std::to_string(f.feedEntries) + ",");
        key(out, "skipped");
        out.push_back('[');
        for (std::size_t k = 0; k < f.skipped.size(); ++k) {
            if (k)
                out.push_back(',');
            out.append("{\"reason\":");
            appendJsonString(out, f.skipped[k].reason);
            out.append(",\"count\":" + std::to_string(f.skipped[k].count) + "}");
        }
        out.append("]}");
    }
    out.append("],\n\"unrecognised\":[");
    for (std::size_t i = 0; i < report.unrecognisedFiles.size(); ++i) {
        if (i)
            out.push_back(',');
        out.append("{\"path\":");
        appendJsonString(out, report.unrecognisedFiles[i].path);
        out.append(",\"reason\":");
        appendJsonString(out, report.unrecognisedFiles[i].error);
        out.push_back('}');
    }
    out.append("],\n\"errors\":[");
    for (std::size_t i = 0; i < report.failures.size(); ++i) {
        if (i)
            out.push_back(',');
        out.append("{\"path\":");
        appendJsonString(out, report.failures[i].path);
        out.append(",\"error\":");
        appendJsonString(out, report.failures[i].error);
        out.push_back('}');
    }
    out.append("],\n\"totals\":{\"files\":" + std::to_string(report.summary.files.size()) +
               ",\"images\":" + std::to_string(images) +
               ",\"findings\":" + std::to_string(findings) +
               ",\"newFindings\":" + std::to_string(report.summary.newFindings) +
               ",\"containers\":" + std::to_string(containers) +
               "},\n\"committed\":" + (report.committed ? "true" : "false") + ",\n\"snapshot\":" +
               (report.summary.snapshotId ? std::to_string(*report.summary.snapshotId)
                                          : std::string("null")) +
               "}\n");
    return out;
}

} // namespace patchwise::exporting
