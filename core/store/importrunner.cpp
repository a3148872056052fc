// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunner.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace patchwise::store {

namespace fs = std::filesystem;

namespace {

struct Input
{
    std::string path;
    bool named; // given on the command line (not found by walking a directory)
};

std::vector<Input> expand(const std::vector<std::string> &paths,
                          std::vector<ImportFailure> &failures)
{
    std::vector<Input> inputs;
    for (const std::string &p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (fs::recursive_directory_iterator
                     it(p, fs::directory_options::skip_permission_denied, ec),
                 end;
                 !ec && it != end;
                 it.increment(ec)) {
                if (it->is_regular_file(ec))
                    found.push_back(it->path().string());
            }
            if (ec)
                failures.push_back({p, "cannot list the directory: " + ec.message()});
            std::sort(found.begin(), found.end());
            for (std::string &f : found)
                inputs.push_back({std::move(f), false});
        } else if (fs::exists(p, ec)) {
            inputs.push_back({p, true});
        } else {
            failures.push_back({p, "no such file or directory"});
        }
    }
    return inputs;
}

bool isUnrecognised(const std::string &error)
{
    return error.find("not a recognised format") != std::string::npos ||
           error.find("import is not available yet") != std::string::npos ||
           error.find("the file is empty") != std::string::npos;
}

} // namespace

ImportReport runImport(Workspace &workspace,
                       const ImportRequest &request,
                       const std::function<void(const std::string &path)> &progress)
{
    ImportReport report;
    const std::vector<Input> inputs = expand(request.paths, report.failures);
    if (!report.failures.empty() && !request.keepGoing)
        return report;

    auto session = workspace.beginImport(request.options);
    if (!session) {
        report.failures.push_back({"(workspace)", session.error()});
        return report;
    }
    for (const Input &input : inputs) {
        if (progress)
            progress(input.path);
        auto read = ingest::readFile(input.path);
        if (!read) {
            if (!input.named && isUnrecognised(read.error())) {
                report.unrecognisedFiles.push_back({input.path, read.error()});
                continue;
            }
            report.failures.push_back({input.path, read.error()});
            if (!request.keepGoing)
                return report; // the session rolls back
            continue;
        }
        if (request.onlyKind && ingest::kindOf(read->format) != *request.onlyKind) {
            report.failures.push_back(
                {input.path,
                 input.path + ": is a " +
                     std::string(ingest::kindName(ingest::kindOf(read->format))) + " (" +
                     std::string(ingest::formatKey(read->format)) + "), but only " +
                     std::string(ingest::kindName(*request.onlyKind)) + "s were expected"});
            if (!request.keepGoing)
                return report;
            continue;
        }
        const auto added = (*session)->add(*read);
        if (!added) {
            // A storage error: the transaction cannot continue.
            report.failures.push_back({input.path, added.error()});
            return report;
        }
    }
    auto summary = (*session)->commit();
    if (!summary) {
        report.failures.push_back({"(workspace)", summary.error()});
        return report;
    }
    report.summary = std::move(*summary);
    report.committed = true;
    return report;
}

} // namespace patchwise::store
