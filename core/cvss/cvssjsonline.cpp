// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvssjsonline.h"

#include "cvssscore.h"
#include "cvssvector.h"
#include "util/jsonescape.h"
#include "util/textspace.h"

namespace patchwise::cvss {

namespace {

void appendScore(std::string &out, Tenths t)
{
    if (t == NoScore) {
        out.append("null");
        return;
    }
    out.append(std::to_string(t / 10));
    out.push_back('.');
    out.push_back(char('0' + t % 10));
}

void appendSeverity(std::string &out, Version version, Tenths t)
{
    if (t == NoScore) {
        out.append("null");
        return;
    }
    out.push_back('"');
    out.append(severityName(severityOf(version, t)));
    out.push_back('"');
}

} // namespace

std::string jsonLine(std::string_view input)
{
    const std::string_view text = trimmedWhitespace(input);
    std::string out;
    out.reserve(text.size() + 256);
    out.append("{\"vector\":");
    appendJsonString(out, text);

    const Result<Vector> parsed = Vector::parse(text);
    if (!parsed) {
        out.append(",\"error\":");
        appendJsonString(out, parsed.error());
        out.push_back('}');
        return out;
    }

    const Version version = parsed->version();
    const Scores s = score(*parsed);
    const Tenths headline = version == Version::V4_0 ? s.environmental : s.base;
    out.append(",\"version\":\"");
    out.append(versionName(version));
    out.append("\",\"base\":");
    appendScore(out, s.base);
    out.append(",\"temporal\":");
    appendScore(out, s.temporal);
    out.append(",\"environmental\":");
    appendScore(out, s.environmental);
    out.append(",\"severity\":");
    appendSeverity(out, version, headline);
    out.append(",\"baseSeverity\":");
    appendSeverity(out, version, s.base);
    out.append(",\"temporalSeverity\":");
    appendSeverity(out, version, s.temporal);
    out.append(",\"environmentalSeverity\":");
    appendSeverity(out, version, s.environmental);
    if (version == Version::V4_0) {
        out.append(",\"score\":");
        appendScore(out, s.environmental);
        out.append(",\"nomenclature\":\"");
        out.append(nomenclatureName(s.nomenclature));
        out.append("\",\"macroVector\":\"");
        out.append(macroVectorString(s));
        out.push_back('"');
    }
    out.push_back('}');
    return out;
}

} // namespace patchwise::cvss
