// SPDX-License-Identifier: GPL-3.0-or-later
#include "facts.h"

#include "util/asciicase.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace patchwise::risk {

namespace {

// Parses a dotted IPv4 address; false for anything else.
bool parseIpv4(std::string_view s, std::array<int, 4> &out)
{
    for (int i = 0; i < 4; ++i) {
        int value = -1;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc() || value < 0 || value > 255)
            return false;
        out[std::size_t(i)] = value;
        s.remove_prefix(std::size_t(end - s.data()));
        if (i < 3) {
            if (s.empty() || s.front() != '.')
                return false;
            s.remove_prefix(1);
        }
    }
    return s.empty();
}

} // namespace

std::uint16_t Facts::sourceIndex(std::string_view name)
{
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (sources[i] == name)
            return std::uint16_t(i);
    sources.emplace_back(name);
    return std::uint16_t(sources.size() - 1);
}

std::uint32_t Facts::intern(std::string_view text)
{
    if (text.empty())
        return 0;
    strings.emplace_back(text);
    return std::uint32_t(strings.size() - 1);
}

std::string normalizedSource(std::string_view source)
{
    const std::string s = asciiLowered(source);
    // Namespaced names ("github:language:java", "nvd:cpe", "sles:distro:sles") fold to
    // their first part; spellings of one vendor fold to one name.
    const std::string head = s.substr(0, s.find(':'));
    if (head.starts_with("github") || head == "ghsa")
        return "ghsa";
    if (head.starts_with("nvd") || head == "nist")
        return "nvd";
    if (head == "redhat.com" || head == "red hat" || head == "secalert@redhat.com" ||
        head == "rhel" || head == "redhat" || head == "centos")
        return "redhat";
    if (head == "oracle-oval" || head == "oracle" || head == "oraclelinux" || head == "ol")
        return "oracle";
    if (head == "suse-cvrf" || head == "suse" || head == "sles" || head.starts_with("opensuse") ||
        head.starts_with("suse linux"))
        return "suse";
    if (head == "cbl-mariner" || head == "mariner")
        return "mariner";
    if (head == "azurelinux" || head == "azure")
        return "azure";
    if (head == "amazon" || head == "amazonlinux" || head == "amzn")
        return "amazon";
    if (head == "alma" || head == "almalinux")
        return "alma";
    if (head == "rocky" || head == "rockylinux")
        return "rocky";
    return s.find(':') == std::string::npos ? s : head;
}

std::string vendorSourceOf(std::string_view osFamily)
{
    const std::string f = normalizedSource(osFamily);
    static constexpr std::string_view vendors[] = {"debian",
                                                   "ubuntu",
                                                   "alpine",
                                                   "photon",
                                                   "rocky",
                                                   "alma",
                                                   "wolfi",
                                                   "chainguard",
                                                   "bitnami",
                                                   "redhat",
                                                   "oracle",
                                                   "suse",
                                                   "mariner",
                                                   "azure",
                                                   "amazon",
                                                   "fedora"};
    return std::find(std::begin(vendors), std::end(vendors), f) != std::end(vendors)
               ? f
               : std::string();
}

bool isLanguagePackage(std::string_view packageType)
{
    static constexpr std::string_view os[] = {"deb",
                                              "rpm",
                                              "apk",
                                              "debian",
                                              "ubuntu",
                                              "alpine",
                                              "redhat",
                                              "centos",
                                              "rocky",
                                              "rockylinux",
                                              "alma",
                                              "almalinux",
                                              "amazon",
                                              "amazonlinux",
                                              "oracle",
                                              "oraclelinux",
                                              "ol",
                                              "photon",
                                              "suse",
                                              "sles",
                                              "opensuse",
                                              "opensuse-leap",
                                              "opensuse-tumbleweed",
                                              "opensuse.leap",
                                              "opensuse.tumbleweed",
                                              "fedora",
                                              "wolfi",
                                              "chainguard",
                                              "cbl-mariner",
                                              "mariner",
                                              "azurelinux",
                                              "os",
                                              "os-pkgs",
                                              "dpkg",
                                              "apkg",
                                              "",
                                              "linux-kernel"};
    const std::string t = asciiLowered(packageType);
    return std::find(std::begin(os), std::end(os), t) == std::end(os);
}

bool isShellPackage(std::string_view name)
{
    static constexpr std::string_view shells[] = {"bash",
                                                  "dash",
                                                  "busybox",
                                                  "ash",
                                                  "zsh",
                                                  "ksh",
                                                  "mksh",
                                                  "tcsh",
                                                  "csh",
                                                  "fish",
                                                  "busybox-binsh",
                                                  "bash-static",
                                                  "yash",
                                                  "toybox"};
    const std::string n = asciiLowered(name);
    return std::find(std::begin(shells), std::end(shells), n) != std::end(shells);
}

bool isPublicHostPort(std::string_view binding)
{
    const std::size_t arrow = binding.find("->");
    std::string_view host = binding.substr(0, arrow);
    const std::size_t colon = host.rfind(':');
    if (colon == std::string_view::npos)
        return true; // "8080->80/tcp": a Kubernetes hostPort on every node address
    std::string_view ip = host.substr(0, colon);
    if (ip.size() >= 2 && ip.front() == '[' && ip.back() == ']')
        ip = ip.substr(1, ip.size() - 2);
    if (ip.empty() || ip == "0.0.0.0" || ip == "::")
        return true;
    if (ip == "::1" || ip.starts_with("fe80:") || ip.starts_with("fc") || ip.starts_with("fd"))
        return false;
    std::array<int, 4> a{};
    if (!parseIpv4(ip, a))
        return true; // a public IPv6 address or a name: assume reachable
    if (a[0] == 127 || a[0] == 10 || (a[0] == 172 && a[1] >= 16 && a[1] <= 31) ||
        (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) ||
        (a[0] == 100 && a[1] >= 64 && a[1] <= 127))
        return false;
    return true;
}

} // namespace patchwise::risk
