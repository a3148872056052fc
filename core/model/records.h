// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "severity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// Normalised facts produced by the readers in core/ingest and stored by core/store. Plain
// values: no Qt, no behaviour. Timestamps are Unix seconds (UTC); 0 means unknown.
namespace patchwise::model {

struct Layer
{
    std::string diffId;     // sha256:… of the uncompressed tar (the join key across scanners)
    std::string blobDigest; // compressed blob digest when the scanner knew it
    std::int64_t size = -1; // bytes, -1 when unknown
    std::string createdBy;  // the history line that created this layer
};

// A package the image contains (from a report that lists every package, not only the
// vulnerable ones).
struct Package
{
    std::string name;
    std::string version;
    std::string type;        // deb, apk, rpm, npm, …
    std::string layerDiffId; // the lowest layer holding this version, when the scanner says
};

// One entry of the image config's history (every build step, including those that
// created no layer).
struct HistoryEntry
{
    std::int64_t created = 0;
    std::string createdBy;
    bool emptyLayer = false;
};

struct Image
{
    std::string configDigest;             // "image ID", sha256:…; may be empty (weak identity)
    std::vector<std::string> repoDigests; // repo@sha256:…
    std::vector<std::string> tags;        // repo:tag
    std::string name;                     // the name a person knows (tag, reference, user input)
    std::string osFamily;
    std::string osVersion;
    bool osEndOfLife = false;
    std::string architecture;
    // config User when the report carried the image config ("" means root); none when it
    // did not (Trivy CycloneDX, Grype without `config`).
    std::optional<std::string> user;
    std::vector<std::string> exposedPorts;
    std::vector<std::pair<std::string, std::string>> labels;
    std::vector<Layer> layers;         // bottom to top
    std::vector<HistoryEntry> history; // the config's history, oldest first
    std::vector<Package> packages;
    bool packageListComplete =
        false; // the report listed every package (Trivy --list-all-pkgs, SBOM)
    std::int64_t created = 0;
};

struct SeverityRating
{
    std::string source; // "nvd", "redhat", "debian", "grype", "trivy", …
    Severity severity = Severity::Unknown;
    std::string word; // the source's own word ("Important", "3", "Negligible")
    // The scanner's own pick for this finding (Trivy Severity, Grype's match severity).
    // Other ratings are a source's rating of the vulnerability and are stored once per
    // vulnerability.
    bool scannerPick = false;
};

struct CvssRecord
{
    std::string source;  // "nvd", "redhat", "nvd@nist.gov", …
    std::string version; // "2.0", "3.0", "3.1", "4.0"
    std::string vector;
    std::int16_t baseTenths = -1; // as the report states it, -1 when absent
};

struct Finding
{
    std::string vulnerabilityId;
    std::vector<std::string> aliases;
    std::string packageName;
    std::string packageVersion;
    std::string packageType; // deb, rpm, apk, jar, npm, …
    std::string purl;
    std::string packagePath; // file inside the image (language packages)
    std::vector<std::string> fixedVersions;
    FixState fixState = FixState::Unknown;
    std::string fixStateWord; // the scanner's own word
    std::vector<SeverityRating> severities;
    std::vector<CvssRecord> cvss;
    std::string layerDiffId;
    std::string title;
    std::string description;
    std::vector<std::string> urls;
    std::vector<std::string> cwes;
    std::int64_t published = 0;
    std::int64_t lastModified = 0;
    bool suppressed = false;
    // Threat data a scanner embedded (Grype ≥ 0.8x); feeds imported separately win.
    std::optional<double> epss;
    bool knownExploited = false;
};

// One scanner's report about one image.
struct Scan
{
    std::string scanner; // "trivy", "grype", …
    std::string scannerVersion;
    std::int64_t scannedAt = 0; // the report's own time, 0 when it has none
    Image image;
    std::vector<Finding> findings;
};

// A container as an inventory (kubectl, docker inspect) says it runs.
struct Container
{
    std::string platform; // "kubernetes", "docker"
    std::string namespaceName;
    std::string workloadKind; // StatefulSet, DaemonSet, ReplicaSet, Job, … ("" for bare pods)
    std::string workloadName;
    std::string podName; // docker: the container name
    std::string name;    // container name
    bool initContainer = false;
    std::string image;        // the reference as run ("nginx:1.25", "quay.io/x@sha256:…")
    std::string imageId;      // runtime image ID as reported (docker-pullable://…, sha256:…)
    std::string repoDigest;   // "repo@sha256:…" when the runtime knows it
    std::string configDigest; // "sha256:…" when the runtime reports the config digest
    bool running = false;
    std::int64_t startedAt = 0;
    int restartCount = 0;
    bool privileged = false;
    bool hostNetwork = false;
    bool hostPid = false;
    bool hostIpc = false;
    std::optional<std::int64_t> runAsUser; // effective when set (container over pod level)
    bool runAsNonRoot = false;
    bool allowPrivilegeEscalation = true;
    std::vector<std::string> capabilitiesAdded;
    std::vector<std::string> ports;     // "8080/tcp"
    std::vector<std::string> hostPorts; // published on the host: "0.0.0.0:9000->9000/tcp"
    std::vector<std::string> hostPaths; // host directories mounted
    std::vector<std::pair<std::string, std::string>> podLabels; // matched by Service selectors
};

// A Kubernetes Service (what selects pods and how it is reachable).
struct Service
{
    std::string namespaceName;
    std::string name;
    std::string type; // ClusterIP, NodePort, LoadBalancer, ExternalName
    std::vector<std::pair<std::string, std::string>> selector;
    std::vector<std::string> ports;             // "80->8080/TCP", with ":nodePort" when set
    std::vector<std::string> externalAddresses; // externalIPs and load-balancer ingress ip/hostname
};

// A Kubernetes Ingress (v1 or v1beta1): hosts routed to services of its namespace.
struct Ingress
{
    std::string namespaceName;
    std::string name;
    std::vector<std::string> hosts;
    std::vector<std::string> services; // backend service names
    bool tls = false;
    std::vector<std::string> addresses; // status.loadBalancer.ingress
};

// CISA Known Exploited Vulnerabilities catalog entry.
struct KevEntry
{
    std::string cve;
    std::string vendorProject;
    std::string product;
    std::string name;
    std::int64_t dateAdded = 0;
    std::int64_t dueDate = 0;
    bool ransomware = false; // knownRansomwareCampaignUse == "Known"
    std::string requiredAction;
};

// FIRST EPSS score of one CVE on one day.
struct EpssEntry
{
    std::string cve;
    double probability = 0; // 0..1
    double percentile = 0;  // 0..1
};

} // namespace patchwise::model
