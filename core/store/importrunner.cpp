// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>

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

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
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

    // Reading and parsing (one core) overlaps with storing (the other): a reader thread
    // keeps at most kAhead parsed files waiting, so memory stays bounded by a few files.
    constexpr std::size_t kAhead = 2;
    struct Item
    {
        std::size_t index;
        Result<ingest::FileRead> read;
        double seconds;
    };
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Item> ready;
    // Stored files go back to the reader thread to be freed there: their many small
    // strings were allocated by that thread, and freeing them on the storing thread
    // costs it (cross-thread frees in glibc).
    std::deque<ingest::FileRead> spent;
    std::atomic<bool> stop{false};
    std::thread reader([&] {
        for (std::size_t i = 0; i < inputs.size() && !stop; ++i) {
            {
                std::deque<ingest::FileRead> toFree;
                {
                    std::lock_guard lock(mutex);
                    toFree.swap(spent);
                }
            }
            const auto t0 = std::chrono::steady_clock::now();
            Result<ingest::FileRead> read = ingest::readFile(inputs[i].path);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return ready.size() < kAhead || stop; });
            if (stop)
                break;
            ready.push_back({i, std::move(read), seconds});
            changed.notify_all();
        }
    });
    auto finish = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        reader.join();
    };

    const auto cancelled = [&] { return request.cancel && request.cancel->load(); };
    for (std::size_t n = 0; n < inputs.size(); ++n) {
        const Input &input = inputs[n];
        if (cancelled()) {
            report.cancelled = true;
            finish();
            return report; // the session rolls back
        }
        if (request.fileProgress)
            request.fileProgress(n, inputs.size());
        if (progress)
            progress(input.path);
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !ready.empty(); });
        Item item = std::move(ready.front());
        ready.pop_front();
        changed.notify_all();
        lock.unlock();
        report.readSeconds += item.seconds;
        auto &read = item.read;
        if (!read) {
            if (!input.named && isUnrecognised(read.error())) {
                report.unrecognisedFiles.push_back({input.path, read.error()});
                continue;
            }
            report.failures.push_back({input.path, read.error()});
            if (!request.keepGoing) {
                finish();
                return report; // the session rolls back
            }
            continue;
        }
        if (request.onlyKind && ingest::kindOf(read->format) != *request.onlyKind) {
            report.failures.push_back(
                {input.path,
                 input.path + ": is a " +
                     std::string(ingest::kindName(ingest::kindOf(read->format))) + " (" +
                     std::string(ingest::formatKey(read->format)) + "), but only " +
                     std::string(ingest::kindName(*request.onlyKind)) + "s were expected"});
            if (!request.keepGoing) {
                finish();
                return report;
            }
            continue;
        }
        const auto t0 = std::chrono::steady_clock::now();
        const double cpu0 = threadCpuSeconds();
        const auto added = (*session)->add(*read);
        report.storeCpuSeconds += threadCpuSeconds() - cpu0;
        report.storeSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!added) {
            // A storage error: the transaction cannot continue.
            report.failures.push_back({input.path, added.error()});
            finish();
            return report;
        }
        std::lock_guard spentLock(mutex);
        spent.push_back(std::move(*read));
    }
    finish();
    if (request.fileProgress)
        request.fileProgress(inputs.size(), inputs.size());
    if (cancelled()) {
        report.cancelled = true;
        return report;
    }
    const auto commitStart = std::chrono::steady_clock::now();
    auto summary = (*session)->commit();
    report.commitSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - commitStart).count();
    if (!summary) {
        report.failures.push_back({"(workspace)", summary.error()});
        return report;
    }
    report.summary = std::move(*summary);
    report.committed = true;
    return report;
}

} // namespace patchwise::store
