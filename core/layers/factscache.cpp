// SPDX-License-Identifier: GPL-3.0-or-later
#include "factscache.h"

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/mman.h>
#include <sys/stat.h>
#include <type_traits>
#include <unistd.h>

namespace patchwise::layers {

namespace {

constexpr char kMagic[8] = {'P', 'W', 'F', 'C', 'A', 'C', 'H', '1'};
constexpr std::uint32_t kFormat = 3; // bump whenever a serialised type changes

// A field added to one of these types must be added to the copy (and kFormat bumped): the
// sizes catch the addition on this platform.
static_assert(sizeof(void *) != 8 || sizeof(risk::ImageFacts) == 176);
static_assert(sizeof(void *) != 8 || sizeof(risk::VulnFacts) == 112);
static_assert(sizeof(void *) != 8 || sizeof(risk::Facts) == 464);
static_assert(sizeof(void *) != 8 || sizeof(store::ImageLayers) == 304);
static_assert(sizeof(void *) != 8 || sizeof(model::Layer) == 104);
static_assert(sizeof(void *) != 8 || sizeof(model::HistoryEntry) == 48);
static_assert(sizeof(void *) != 8 || sizeof(store::ImageLayers::Package) == 72);

class Writer
{
public:
    std::string out;

    template<typename T> void pod(const T &value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        out.append(reinterpret_cast<const char *>(&value), sizeof value);
    }
    void str(const std::string &s)
    {
        pod(std::uint64_t(s.size()));
        out.append(s);
    }
    template<typename T> void pods(const std::vector<T> &v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        pod(std::uint64_t(v.size()));
        out.append(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(T));
    }
    void strs(const std::vector<std::string> &v)
    {
        pod(std::uint64_t(v.size()));
        for (const std::string &s : v)
            str(s);
    }
};

class Reader
{
public:
    explicit Reader(std::string_view data)
        : m_data(data)
    {}
    bool failed = false;

    template<typename T> T pod()
    {
        T value{};
        if (!take(&value, sizeof value))
            failed = true;
        return value;
    }
    std::string str()
    {
        const auto n = pod<std::uint64_t>();
        if (failed || n > m_data.size() - m_at) {
            failed = true;
            return {};
        }
        std::string s(m_data.substr(m_at, n));
        m_at += n;
        return s;
    }
    template<typename T> std::vector<T> pods()
    {
        const auto n = pod<std::uint64_t>();
        if (failed || n > (m_data.size() - m_at) / sizeof(T)) {
            failed = true;
            return {};
        }
        // Copied straight from the mapped file: no zero-filling first.
        const T *from = reinterpret_cast<const T *>(m_data.data() + m_at);
        std::vector<T> v;
        if constexpr (alignof(T) == 1) {
            v.assign(from, from + n);
        } else {
            v.resize(n);
            std::memcpy(v.data(), from, n * sizeof(T));
        }
        m_at += n * sizeof(T);
        return v;
    }
    std::vector<std::string> strs()
    {
        const auto n = pod<std::uint64_t>();
        std::vector<std::string> v;
        if (failed || n > m_data.size() - m_at) {
            failed = true;
            return v;
        }
        v.reserve(n);
        for (std::uint64_t i = 0; i < n && !failed; ++i)
            v.push_back(str());
        return v;
    }
    bool atEnd() const { return m_at == m_data.size(); }

private:
    bool take(void *to, std::size_t n)
    {
        if (n > m_data.size() - m_at)
            return false;
        std::memcpy(to, m_data.data() + m_at, n);
        m_at += n;
        return true;
    }
    std::string_view m_data;
    std::size_t m_at = 0;
};

void writeFacts(Writer &w, const risk::Facts &f)
{
    w.strs(f.sources);
    w.strs(f.strings);
    w.pod(std::uint64_t(f.images.size()));
    for (const risk::ImageFacts &i : f.images) {
        w.pod(i.id);
        w.str(i.name);
        w.str(i.digest);
        w.strs(i.repositories);
        w.strs(i.namespaces);
        w.pod(i.runsOutsideNamespaces);
        w.pod(i.vendorSource);
        w.pod(i.runningContainers);
        w.pod(i.probableContainers);
        w.pod(i.internetExposed);
        w.strs(i.exposureReasons);
        w.pod(i.privileged);
        w.pod(i.hostNamespace);
        w.pod(i.runsAsRoot);
        w.pod(i.shell);
        w.pod(i.runningSince);
    }
    w.pod(std::uint64_t(f.vulns.size()));
    for (const risk::VulnFacts &v : f.vulns) {
        w.str(v.id);
        w.pods(v.ratings);
        w.pods(v.cvss);
        w.pod(v.kev);
        w.pod(v.ransomware);
        w.pod(v.kevDueDate);
        w.pod(v.epss);
        w.pod(v.published);
    }
    w.pods(f.contexts);
    w.pods(f.findingId);
    w.pods(f.image);
    w.pods(f.vuln);
    w.pods(f.context);
    w.pods(f.package);
    w.pods(f.version);
    w.pods(f.packageType);
    w.pods(f.fixedVersions);
    w.pods(f.layerIndex);
    w.pods(f.fixState);
    w.pods(f.flags);
    w.pods(f.triage);
    w.pods(f.firstSeen);
    w.pods(f.resolvedAt);
}

void readFacts(Reader &r, risk::Facts &f)
{
    f.sources = r.strs();
    f.strings = r.strs();
    const auto images = r.pod<std::uint64_t>();
    for (std::uint64_t n = 0; n < images && !r.failed; ++n) {
        risk::ImageFacts i;
        i.id = r.pod<std::int64_t>();
        i.name = r.str();
        i.digest = r.str();
        i.repositories = r.strs();
        i.namespaces = r.strs();
        i.runsOutsideNamespaces = r.pod<bool>();
        i.vendorSource = r.pod<std::uint16_t>();
        i.runningContainers = r.pod<int>();
        i.probableContainers = r.pod<int>();
        i.internetExposed = r.pod<bool>();
        i.exposureReasons = r.strs();
        i.privileged = r.pod<bool>();
        i.hostNamespace = r.pod<bool>();
        i.runsAsRoot = r.pod<risk::Tri>();
        i.shell = r.pod<risk::Tri>();
        i.runningSince = r.pod<std::int64_t>();
        f.images.push_back(std::move(i));
    }
    const auto vulns = r.pod<std::uint64_t>();
    for (std::uint64_t n = 0; n < vulns && !r.failed; ++n) {
        risk::VulnFacts v;
        v.id = r.str();
        v.ratings = r.pods<risk::RatingFact>();
        v.cvss = r.pods<risk::CvssFact>();
        v.kev = r.pod<bool>();
        v.ransomware = r.pod<bool>();
        v.kevDueDate = r.pod<std::int64_t>();
        v.epss = r.pod<float>();
        v.published = r.pod<std::int64_t>();
        f.vulns.push_back(std::move(v));
    }
    f.contexts = r.pods<risk::RatingContext>();
    f.findingId = r.pods<std::int64_t>();
    f.image = r.pods<std::uint32_t>();
    f.vuln = r.pods<std::uint32_t>();
    f.context = r.pods<std::uint32_t>();
    f.package = r.pods<std::uint32_t>();
    f.version = r.pods<std::uint32_t>();
    f.packageType = r.pods<std::uint32_t>();
    f.fixedVersions = r.pods<std::uint32_t>();
    f.layerIndex = r.pods<std::int16_t>();
    f.fixState = r.pods<std::uint8_t>();
    f.flags = r.pods<std::uint8_t>();
    f.triage = r.pods<std::uint8_t>();
    f.firstSeen = r.pods<std::int64_t>();
    f.resolvedAt = r.pods<std::int64_t>();
}

void writeImages(Writer &w, const std::vector<store::ImageLayers> &images)
{
    w.pod(std::uint64_t(images.size()));
    for (const store::ImageLayers &i : images) {
        w.pod(i.id);
        w.str(i.name);
        w.str(i.digest);
        w.strs(i.repoDigests);
        w.strs(i.refs);
        w.pod(std::uint64_t(i.layers.size()));
        for (const model::Layer &l : i.layers) {
            w.str(l.diffId);
            w.str(l.blobDigest);
            w.pod(l.size);
            w.str(l.createdBy);
        }
        w.pod(std::uint64_t(i.history.size()));
        for (const model::HistoryEntry &h : i.history) {
            w.pod(h.created);
            w.str(h.createdBy);
            w.pod(h.emptyLayer);
        }
        w.str(i.baseNameLabel);
        w.str(i.baseDigestLabel);
        w.pod(i.manualBase);
        w.str(i.manualBaseRef);
        w.pod(i.manualBaseLayers);
        // The package lists only feed the base attribution, which is kept as computed: they
        // are left out (they are most of the strings, and the read time).
    }
}

void readImages(Reader &r, std::vector<store::ImageLayers> &images)
{
    const auto n = r.pod<std::uint64_t>();
    for (std::uint64_t k = 0; k < n && !r.failed; ++k) {
        store::ImageLayers i;
        i.id = r.pod<std::int64_t>();
        i.name = r.str();
        i.digest = r.str();
        i.repoDigests = r.strs();
        i.refs = r.strs();
        const auto layers = r.pod<std::uint64_t>();
        for (std::uint64_t m = 0; m < layers && !r.failed; ++m) {
            model::Layer l;
            l.diffId = r.str();
            l.blobDigest = r.str();
            l.size = r.pod<std::int64_t>();
            l.createdBy = r.str();
            i.layers.push_back(std::move(l));
        }
        const auto history = r.pod<std::uint64_t>();
        for (std::uint64_t m = 0; m < history && !r.failed; ++m) {
            model::HistoryEntry h;
            h.created = r.pod<std::int64_t>();
            h.createdBy = r.str();
            h.emptyLayer = r.pod<bool>();
            i.history.push_back(std::move(h));
        }
        i.baseNameLabel = r.str();
        i.baseDigestLabel = r.str();
        i.manualBase = r.pod<bool>();
        i.manualBaseRef = r.str();
        i.manualBaseLayers = r.pod<int>();
        images.push_back(std::move(i));
    }
}

std::string stateOf(const std::string &path)
{
    struct stat st
    {};
    if (::stat(path.c_str(), &st) != 0)
        return "-";
    return std::to_string(st.st_size) + "@" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec) + "#" + std::to_string(st.st_ino);
}

} // namespace

std::string workspaceStateKey(const std::string &workspacePath)
{
    std::error_code ec;
    if (!std::filesystem::exists(workspacePath, ec))
        return {};
    return std::filesystem::absolute(workspacePath, ec).string() + "|" + stateOf(workspacePath) +
           "|" + stateOf(workspacePath + "-wal") + "|schema " +
           std::to_string(store::Workspace::schemaVersion());
}

Result<bool> writeFactsCache(const std::string &cachePath,
                             const std::string &key,
                             const risk::Facts &facts,
                             const std::vector<store::ImageLayers> &images,
                             const std::vector<BaseFlags> &flags)
{
    Writer w;
    w.out.reserve(facts.size() * 64 + (std::size_t(1) << 20)); // the finding columns dominate
    w.out.append(kMagic, sizeof kMagic);
    w.pod(kFormat);
    w.str(key);
    writeFacts(w, facts);
    writeImages(w, images);
    // Bases are recomputed from the images on reading (cheap); the attribution is not.
    w.pods(flags);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(cachePath).parent_path(), ec);
    const std::string temporary = cachePath + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(w.out.data(), std::streamsize(w.out.size()));
        if (!out)
            return Unexpected(cachePath + ": cannot write the facts cache");
    }
    std::filesystem::rename(temporary, cachePath, ec);
    if (ec)
        return Unexpected(cachePath + ": " + ec.message());
    return true;
}

Result<LoadedWorkspace> readFactsCache(const std::string &cachePath, const std::string &key)
{
    // Mapped, not read: the columns are copied once, from the page cache into the vectors.
    const int fd = ::open(cachePath.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Unexpected(cachePath + ": no facts cache");
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        return Unexpected(cachePath + ": no facts cache");
    }
    void *mapped = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED)
        return Unexpected(cachePath + ": cannot map the facts cache");
    struct Unmap
    {
        void *at;
        std::size_t size;
        ~Unmap() { ::munmap(at, size); }
    } unmap{mapped, std::size_t(st.st_size)};
    const std::string_view data(static_cast<const char *>(mapped), std::size_t(st.st_size));
    if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        return Unexpected(cachePath + ": not a facts cache");
    Reader r(std::string_view(data).substr(sizeof kMagic));
    if (r.pod<std::uint32_t>() != kFormat || r.failed)
        return Unexpected(cachePath + ": another format version");
    if (key.empty() || r.str() != key || r.failed)
        return Unexpected(cachePath + ": written for another state of the workspace");
    LoadedWorkspace loaded;
    readFacts(r, loaded.facts);
    readImages(r, loaded.images);
    loaded.flags = r.pods<BaseFlags>();
    if (r.failed || !r.atEnd() || loaded.flags.size() != loaded.facts.size())
        return Unexpected(cachePath + ": truncated or damaged");
    loaded.bases = detectBaseImages(loaded.images);
    return loaded;
}

} // namespace patchwise::layers
