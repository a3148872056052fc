// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader.h"

#include "jsonnode.h"
#include "readers.h"
#include "sourcefile.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cstdio>
#include <xxhash.h>

namespace patchwise::ingest {

namespace {

Unexpected<std::string> fail(const std::string &message)
{
    return Unexpected<std::string>{message};
}

// simdjson reports what is wrong but not where; on that (rare) path, QJsonDocument finds
// the byte offset so the message can name a line and column.
std::string syntaxErrorLocation(const SourceFile &file)
{
    const std::string_view content = file.content();
    QJsonParseError error;
    QJsonDocument::fromJson(QByteArray::fromRawData(content.data(), qsizetype(content.size())),
                            &error);
    if (error.error == QJsonParseError::NoError)
        return {};
    return file.locate(std::size_t(error.offset)) + ": " + error.errorString().toStdString();
}

// OpenVEX, or a CycloneDX BOM that only carries VEX: analysed vulnerabilities and neither
// components nor a described component. Such a file says nothing about what an image
// contains; imported as a scan it would invent an image.
bool isVexOnly(simdjson::dom::element root, Format format)
{
    if (root.type() != simdjson::dom::element_type::OBJECT)
        return false;
    std::string_view context;
    if (root["@context"].get(context) == simdjson::SUCCESS &&
        context.starts_with("https://openvex.dev/ns"))
        return true;
    if (format != Format::CycloneDx)
        return false;
    simdjson::dom::array components;
    if (root["components"].get(components) == simdjson::SUCCESS && components.size() > 0)
        return false;
    simdjson::dom::element component;
    if (root["metadata"]["component"].get(component) == simdjson::SUCCESS)
        return false;
    simdjson::dom::array vulnerabilities;
    if (root["vulnerabilities"].get(vulnerabilities) != simdjson::SUCCESS ||
        vulnerabilities.size() == 0)
        return false;
    for (simdjson::dom::element v : vulnerabilities) {
        std::string_view state;
        if (v["analysis"]["state"].get(state) != simdjson::SUCCESS || state.empty())
            return false;
    }
    return true;
}

} // namespace

Result<simdjson::dom::element> parseJson(const SourceFile &file, simdjson::dom::parser &parser)
{
    simdjson::dom::element root;
    const std::string_view content = file.content();
    const simdjson::padded_string_view view(
        content.data(), content.size(), file.bytes.capacity() - file.start);
    const auto error = parser.parse(view).get(root);
    if (error != simdjson::SUCCESS) {
        std::string where = syntaxErrorLocation(file);
        if (where.empty())
            where = simdjson::error_message(error);
        if (error == simdjson::DEPTH_ERROR)
            where = "JSON nesting is deeper than 1024 levels";
        return fail(file.path + ": invalid JSON: " + where);
    }
    return root;
}

namespace {

Result<FileRead> readSource(SourceFile file)
{
    FileRead out;
    out.path = file.path;
    const std::string_view content = file.content();
    // XXH3-128 of the content: a fingerprint to recognise a report imported before, at
    // memory speed (a cryptographic hash cost a third of the import time).
    const XXH128_hash_t h = XXH3_128bits(content.data(), content.size());
    char hex[33];
    std::snprintf(hex,
                  sizeof hex,
                  "%016llx%016llx",
                  (unsigned long long)h.high64,
                  (unsigned long long)h.low64);
    out.contentHash = hex;
    std::size_t firstByte = 0;
    while (firstByte < content.size() && (content[firstByte] == ' ' || content[firstByte] == '\t' ||
                                          content[firstByte] == '\r' || content[firstByte] == '\n'))
        ++firstByte;
    if (firstByte == content.size())
        return fail(file.path + ": the file is empty");

    if (looksLikeEpssCsv(content)) {
        out.format = Format::Epss;
        try {
            readEpssCsv(content, out);
        } catch (const ShapeError &e) {
            return fail(file.path + ": first-epss CSV, " + e.what());
        }
        return out;
    }
    const char first = content[firstByte];
    if (first != '{' && first != '[')
        return fail(
            file.path +
            ": not a recognised format (expected a JSON document or an EPSS CSV; the content "
            "starts with neither)");

    simdjson::dom::parser parser;
    const auto parsed = parseJson(file, parser);
    if (!parsed)
        return fail(parsed.error());
    const simdjson::dom::element root = *parsed;

    out.format = detectJson(root);
    if (isVexOnly(root, out.format))
        return fail(file.path +
                    ": a VEX document (statements about vulnerabilities, no scanned image or "
                    "packages): record it as triage decisions with `patchwise-cli vex import`");
    if (out.format == Format::Unknown)
        return fail(file.path +
                    ": not a recognised format (valid JSON, but not a Trivy, Grype, CycloneDX, "
                    "Kubernetes, docker inspect, CISA KEV or EPSS document)");
    if (!isImportable(out.format))
        return fail(file.path + ": " + std::string(formatKey(out.format)) +
                    " is recognised but its import is not available yet");
    try {
        const JsonNode node(root);
        switch (out.format) {
        case Format::Trivy:
            readTrivyReport(node, out);
            break;
        case Format::TrivyLegacy:
            readTrivyLegacy(node, out);
            break;
        case Format::Grype:
            readGrype(node, out);
            break;
        case Format::Kev:
            readKev(node, out);
            break;
        case Format::TrivyK8s:
            readTrivyK8s(node, out);
            break;
        case Format::TrivyOperator:
            readTrivyOperator(node, out);
            break;
        case Format::CycloneDx:
            readCycloneDx(node, out);
            break;
        case Format::Kubernetes:
            readKubernetes(node, out);
            break;
        case Format::DockerInspect:
            readDockerInspect(node, out);
            break;
        default:
            break;
        }
    } catch (const ShapeError &e) {
        return fail(file.path + ": " + std::string(formatKey(out.format)) + " report, at " +
                    e.what());
    }
    // A report that names no image (edited samples, directory scans without input) is
    // known by its file name, so that two such reports are not taken for one image.
    for (model::Scan &scan : out.scans) {
        if (scan.image.name.empty() && scan.image.configDigest.empty()) {
            const std::size_t slash = file.path.find_last_of('/');
            scan.image.name =
                "file:" + (slash == std::string::npos ? file.path : file.path.substr(slash + 1));
        }
    }
    return out;
}

} // namespace

void FileRead::skip(const std::string &reason, int count)
{
    for (SkipCount &s : skipped) {
        if (s.reason == reason) {
            s.count += count;
            return;
        }
    }
    skipped.push_back({reason, count});
}

std::size_t FileRead::findingCount() const
{
    std::size_t n = 0;
    for (const model::Scan &s : scans)
        n += s.findings.size();
    return n;
}

Result<FileRead> readFile(const std::string &path)
{
    Result<SourceFile> file = loadSourceFile(path);
    if (!file)
        return fail(file.error());
    return readSource(std::move(*file));
}

Result<FileRead> readBytes(const std::string &displayName, std::string bytes)
{
    Result<SourceFile> file = sourceFromBytes(displayName, std::move(bytes));
    if (!file)
        return fail(file.error());
    return readSource(std::move(*file));
}

} // namespace patchwise::ingest
