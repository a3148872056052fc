// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcefile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <simdjson.h>
#include <zlib.h>

namespace patchwise::ingest {

namespace {

Unexpected<std::string> fail(const std::string &path, const std::string &message)
{
    return Unexpected<std::string>{path + ": " + message};
}

bool gunzip(const std::string &in, std::string &out, std::uint64_t maxBytes, std::string &error)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) {
        error = "cannot initialise gzip decoder";
        return false;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    out.clear();
    std::size_t chunk = std::max<std::size_t>(in.size() * 4, 1 << 16);
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        const std::size_t used = out.size();
        if (used >= maxBytes) {
            inflateEnd(&zs);
            error = "decompressed content exceeds " + std::to_string(maxBytes) + " bytes";
            return false;
        }
        out.resize(used + chunk);
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        zs.avail_out = static_cast<uInt>(chunk);
        rc = inflate(&zs, Z_NO_FLUSH);
        out.resize(used + chunk - zs.avail_out);
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            inflateEnd(&zs);
            error = std::string("corrupt gzip data (") + (zs.msg ? zs.msg : "inflate failed") + ")";
            return false;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            inflateEnd(&zs);
            error = "truncated gzip data";
            return false;
        }
    }
    inflateEnd(&zs);
    return true;
}

bool startsAsData(std::string_view s)
{
    std::size_t i = 0;
    if (s.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 byte order mark
        i = 3;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        ++i;
    if (i >= s.size())
        return true;
    const char c = s[i];
    return c == '{' || c == '[' || c == '#' || s.substr(i, 4) == "cve," || s.substr(i, 3) == "cve";
}

} // namespace

std::string SourceFile::locate(std::size_t offsetInContent) const
{
    const std::string_view c = content();
    offsetInContent = std::min(offsetInContent, c.size());
    std::size_t line = 1, lineStart = 0;
    // Count lines in the whole file so the position matches an editor's view.
    const std::string_view all = std::string_view(bytes).substr(0, start + offsetInContent);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return "line " + std::to_string(line) + ", column " +
           std::to_string(all.size() - lineStart + 1);
}

Result<SourceFile> loadSourceFile(const std::string &path, std::uint64_t maxBytes)
{
    std::unique_ptr<FILE, int (*)(FILE *)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f)
        return fail(path, std::string("cannot open: ") + std::strerror(errno));
    std::string raw;
    if (std::fseek(f.get(), 0, SEEK_END) == 0) {
        const long size = std::ftell(f.get());
        if (size > 0)
            raw.reserve(std::size_t(size) + simdjson::SIMDJSON_PADDING);
        std::fseek(f.get(), 0, SEEK_SET);
    }
    char buffer[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        raw.append(buffer, n);
        if (n < sizeof buffer) {
            if (std::ferror(f.get()))
                return fail(path, std::string("read error: ") + std::strerror(errno));
            break;
        }
        if (raw.size() > maxBytes)
            return fail(path, "file is larger than " + std::to_string(maxBytes) + " bytes");
    }
    return sourceFromBytes(path, std::move(raw), maxBytes);
}

Result<SourceFile> sourceFromBytes(const std::string &path, std::string raw, std::uint64_t maxBytes)
{
    SourceFile file;
    file.path = path;
    if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0x1f &&
        static_cast<unsigned char>(raw[1]) == 0x8b) {
        std::string error;
        if (!gunzip(raw, file.bytes, maxBytes, error))
            return fail(path, error);
        file.gzipped = true;
    } else {
        file.bytes = std::move(raw);
    }
    file.bytes.reserve(file.bytes.size() + simdjson::SIMDJSON_PADDING);

    const std::string_view all = file.bytes;
    if (all.substr(0, 3) == "\xEF\xBB\xBF")
        file.start = 3;
    if (!startsAsData(all)) {
        // Tools print log lines before the JSON (trivy on a terminal): skip to the first
        // line that opens a JSON value.
        std::size_t pos = 0;
        bool found = false;
        while (pos < all.size()) {
            if (all[pos] == '{' || all[pos] == '[') {
                found = true;
                break;
            }
            const std::size_t nl = all.find('\n', pos);
            if (nl == std::string_view::npos)
                break;
            pos = nl + 1;
        }
        if (found)
            file.start = pos;
    }
    return file;
}

} // namespace patchwise::ingest
