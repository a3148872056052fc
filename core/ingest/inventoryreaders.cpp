// SPDX-License-Identifier: GPL-3.0-or-later
// What runs: Kubernetes Lists of Pods/Services/Ingresses and docker inspect output
// (formats.md §9–§10).

#include "readers.h"

#include <algorithm>
#include <cctype>

namespace patchwise::ingest {

namespace {

using model::Container;

std::string lowerHex(std::string_view s)
{
    std::string out(s);
    std::transform(
        out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::vector<std::pair<std::string, std::string>> stringMap(const JsonNode &node,
                                                           std::string_view key)
{
    std::vector<std::pair<std::string, std::string>> out;
    node.forEachMember(key, [&](std::string_view k, const JsonNode &v) {
        out.emplace_back(std::string(k), v.asText());
    });
    return out;
}

// Security settings: the container's own, falling back to the pod's.
struct PodSecurity
{
    std::optional<std::int64_t> runAsUser;
    bool runAsNonRoot = false;
};

void readContainer(const JsonNode &spec,
                   const JsonNode &pod,
                   const PodSecurity &podSecurity,
                   bool init,
                   const Container &podTemplate,
                   FileRead &out)
{
    Container c = podTemplate;
    c.initContainer = init;
    c.name = std::string(spec.str("name"));
    c.image = std::string(spec.str("image"));
    c.runAsUser = podSecurity.runAsUser;
    c.runAsNonRoot = podSecurity.runAsNonRoot;
    if (const auto sc = spec.get("securityContext")) {
        c.privileged = sc->boolean("privileged");
        if (const auto u = sc->get("runAsUser"))
            c.runAsUser = u->asInt();
        c.runAsNonRoot = sc->boolean("runAsNonRoot", c.runAsNonRoot);
        c.allowPrivilegeEscalation = sc->boolean("allowPrivilegeEscalation", true);
        if (const auto caps = sc->get("capabilities"))
            caps->forEach("add", [&](const JsonNode &cap) {
                addUnique(c.capabilitiesAdded, cap.asString());
            });
    }
    spec.forEach("ports", [&](const JsonNode &p) {
        std::string proto(p.str("protocol"));
        std::transform(proto.begin(), proto.end(), proto.begin(), [](unsigned char ch) {
            return char(std::tolower(ch));
        });
        const std::string port =
            std::to_string(p.integer("containerPort")) + "/" + (proto.empty() ? "tcp" : proto);
        addUnique(c.ports, port);
        if (const std::int64_t hostPort = p.integer("hostPort"); hostPort > 0)
            addUnique(c.hostPorts, std::to_string(hostPort) + "->" + port);
    });
    // The running state lives in status.(init)containerStatuses, matched by name.
    if (const auto status = pod.get("status")) {
        status->forEach(init ? "initContainerStatuses" : "containerStatuses",
                        [&](const JsonNode &s) {
                            if (s.str("name") != c.name)
                                return;
                            if (const std::string_view image = s.str("image"); !image.empty())
                                c.image = std::string(image);
                            c.imageId = std::string(s.str("imageID"));
                            splitImageId(c.imageId, c.repoDigest, c.configDigest);
                            c.restartCount = int(s.integer("restartCount"));
                            if (const auto state = s.get("state"))
                                if (const auto running = state->get("running")) {
                                    c.running = true;
                                    c.startedAt = timestampOf(running->str("startedAt"));
                                }
                        });
    }
    out.containers.push_back(std::move(c));
}

void readPod(const JsonNode &pod, FileRead &out)
{
    Container podTemplate;
    podTemplate.platform = "kubernetes";
    const JsonNode meta = pod.child("metadata");
    podTemplate.namespaceName = std::string(meta.str("namespace"));
    podTemplate.podName = std::string(meta.str("name"));
    podTemplate.podLabels = stringMap(meta, "labels");
    meta.forEach("ownerReferences", [&](const JsonNode &o) {
        if (podTemplate.workloadKind.empty() || o.boolean("controller")) {
            podTemplate.workloadKind = std::string(o.str("kind"));
            podTemplate.workloadName = std::string(o.str("name"));
        }
    });
    const JsonNode spec = pod.child("spec");
    podTemplate.hostNetwork = spec.boolean("hostNetwork");
    podTemplate.hostPid = spec.boolean("hostPID");
    podTemplate.hostIpc = spec.boolean("hostIPC");
    spec.forEach("volumes", [&](const JsonNode &v) {
        if (const auto hp = v.get("hostPath"))
            addUnique(podTemplate.hostPaths, hp->str("path"));
    });
    PodSecurity podSecurity;
    if (const auto sc = spec.get("securityContext")) {
        if (const auto u = sc->get("runAsUser"))
            podSecurity.runAsUser = u->asInt();
        podSecurity.runAsNonRoot = sc->boolean("runAsNonRoot");
    }
    spec.forEach("initContainers", [&](const JsonNode &c) {
        readContainer(c, pod, podSecurity, true, podTemplate, out);
    });
    spec.forEach("containers", [&](const JsonNode &c) {
        readContainer(c, pod, podSecurity, false, podTemplate, out);
    });
}

void readService(const JsonNode &svc, FileRead &out)
{
    model::Service s;
    const JsonNode meta = svc.child("metadata");
    s.namespaceName = std::string(meta.str("namespace"));
    s.name = std::string(meta.str("name"));
    if (const auto spec = svc.get("spec")) {
        s.type = std::string(spec->str("type"));
        if (s.type.empty())
            s.type = "ClusterIP";
        s.selector = stringMap(*spec, "selector");
        spec->forEach("ports", [&](const JsonNode &p) {
            std::string port = std::to_string(p.integer("port"));
            if (const auto target = p.get("targetPort"))
                port += "->" + target->asText();
            port += "/" + std::string(p.str("protocol").empty() ? "TCP" : p.str("protocol"));
            if (const std::int64_t nodePort = p.integer("nodePort"); nodePort > 0)
                port += " nodePort " + std::to_string(nodePort);
            addUnique(s.ports, port);
        });
        spec->forEach("externalIPs",
                      [&](const JsonNode &ip) { addUnique(s.externalAddresses, ip.asString()); });
    }
    if (const auto status = svc.get("status"))
        if (const auto lb = status->get("loadBalancer"))
            lb->forEach("ingress", [&](const JsonNode &i) {
                addUnique(s.externalAddresses, i.str("ip"));
                addUnique(s.externalAddresses, i.str("hostname"));
            });
    out.services.push_back(std::move(s));
}

void readIngress(const JsonNode &ing, FileRead &out)
{
    model::Ingress i;
    const JsonNode meta = ing.child("metadata");
    i.namespaceName = std::string(meta.str("namespace"));
    i.name = std::string(meta.str("name"));
    auto backend = [&](const JsonNode &b) {
        if (const auto service = b.get("service")) // networking.k8s.io/v1
            addUnique(i.services, service->str("name"));
        addUnique(i.services, b.str("serviceName")); // v1beta1
    };
    if (const auto spec = ing.get("spec")) {
        if (const auto b = spec->get("defaultBackend"))
            backend(*b);
        if (const auto b = spec->get("backend"))
            backend(*b);
        spec->forEach("rules", [&](const JsonNode &r) {
            addUnique(i.hosts, r.str("host"));
            if (const auto http = r.get("http"))
                http->forEach("paths", [&](const JsonNode &p) {
                    if (const auto b = p.get("backend"))
                        backend(*b);
                });
        });
        spec->forEach("tls", [&](const JsonNode &) { i.tls = true; });
    }
    if (const auto status = ing.get("status"))
        if (const auto lb = status->get("loadBalancer"))
            lb->forEach("ingress", [&](const JsonNode &a) {
                addUnique(i.addresses, a.str("ip"));
                addUnique(i.addresses, a.str("hostname"));
            });
    out.ingresses.push_back(std::move(i));
}

void readK8sObject(const JsonNode &item, FileRead &out)
{
    const std::string_view kind = item.str("kind");
    if (kind == "Pod")
        readPod(item, out);
    else if (kind == "Service")
        readService(item, out);
    else if (kind == "Ingress")
        readIngress(item, out);
    else
        out.skip(std::string(kind.empty() ? "objects without a kind" : kind) +
                 " objects (not Pods, Services or Ingresses)");
}

void readDockerContainer(const JsonNode &c, FileRead &out)
{
    if (c.has("RootFS") && !c.has("State")) {
        // docker image inspect: an identity bridge (config digest ↔ repo digests, tags).
        model::Image image;
        image.configDigest = lowerHex(c.str("Id"));
        c.forEach("RepoDigests",
                  [&](const JsonNode &d) { addUnique(image.repoDigests, d.asString()); });
        c.forEach("RepoTags", [&](const JsonNode &t) { addUnique(image.tags, t.asString()); });
        image.name = image.tags.empty() ? image.configDigest : image.tags.front();
        if (const auto config = c.get("Config"))
            image.user = std::string(config->str("User"));
        out.inventoryImages.push_back(std::move(image));
        return;
    }
    Container k;
    k.platform = "docker";
    if (c.has("Names")) {
        // GET /containers/json (docker ps): no security details.
        c.forEach("Names", [&](const JsonNode &n) {
            if (k.name.empty())
                k.name = std::string(n.asString());
        });
        if (!k.name.empty() && k.name.front() == '/')
            k.name.erase(0, 1);
        k.image = std::string(c.str("Image"));
        k.configDigest = lowerHex(c.str("ImageID"));
        k.running = c.str("State") == "running";
        c.forEach("Ports", [&](const JsonNode &p) {
            const std::string port =
                std::to_string(p.integer("PrivatePort")) + "/" + std::string(p.str("Type"));
            addUnique(k.ports, port);
            if (const std::int64_t pub = p.integer("PublicPort"); pub > 0)
                addUnique(k.hostPorts,
                          std::string(p.str("IP")) + ":" + std::to_string(pub) + "->" + port);
        });
    } else {
        k.name = std::string(c.str("Name"));
        if (!k.name.empty() && k.name.front() == '/')
            k.name.erase(0, 1);
        k.configDigest = lowerHex(c.str("Image"));
        k.restartCount = int(c.integer("RestartCount"));
        if (const auto state = c.get("State")) {
            k.running = state->boolean("Running");
            if (k.running)
                k.startedAt = timestampOf(state->str("StartedAt"));
        }
        if (const auto config = c.get("Config")) {
            k.image = std::string(config->str("Image"));
            const std::string_view user = config->str("User");
            // "" = root; "1000", "1000:1000" or a name (unknown uid, not assumed root).
            if (user.empty() || user == "0" || user.starts_with("0:") || user == "root" ||
                user.starts_with("root:"))
                k.runAsUser = 0;
            else if (std::all_of(
                         user.begin(),
                         user.begin() + std::ptrdiff_t(user.find(':') == std::string_view::npos
                                                           ? user.size()
                                                           : user.find(':')),
                         [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
                k.runAsUser = std::stoll(std::string(user.substr(0, user.find(':'))));
            else
                k.runAsNonRoot = true; // a user name other than root: Config.User is effective
            k.podLabels = stringMap(*config, "Labels");
            config->forEachMember("ExposedPorts", [&](std::string_view p, const JsonNode &) {
                addUnique(k.ports, p);
            });
        }
        if (const auto host = c.get("HostConfig")) {
            k.privileged = host->boolean("Privileged");
            k.hostNetwork = host->str("NetworkMode") == "host";
            k.hostPid = host->str("PidMode") == "host";
            k.hostIpc = host->str("IpcMode") == "host";
            host->forEach("CapAdd", [&](const JsonNode &cap) {
                addUnique(k.capabilitiesAdded, cap.asString());
            });
            host->forEach("Binds", [&](const JsonNode &b) {
                const std::string_view bind = b.asString();
                addUnique(k.hostPaths, bind.substr(0, bind.find(':')));
            });
        }
        if (const auto net = c.get("NetworkSettings")) {
            net->forEachMember("Ports", [&](std::string_view port, const JsonNode &bindings) {
                if (!bindings.isArray())
                    return; // exposed, not published (null)
                bindings.forEachElement([&](const JsonNode &b) {
                    std::string ip(b.str("HostIp"));
                    if (ip.empty())
                        ip = "0.0.0.0";
                    addUnique(k.hostPorts,
                              ip + ":" + std::string(b.str("HostPort")) + "->" + std::string(port));
                });
            });
        }
    }
    k.podName = k.name;
    out.containers.push_back(std::move(k));
}

} // namespace

void splitImageId(std::string_view id, std::string &repoDigest, std::string &configDigest)
{
    for (std::string_view prefix :
         {"docker-pullable://", "docker://", "containerd://", "cri-o://"}) {
        if (id.starts_with(prefix)) {
            id.remove_prefix(prefix.size());
            break;
        }
    }
    const std::size_t at = id.find("@sha256:");
    if (at != std::string_view::npos) {
        repoDigest = std::string(id.substr(0, at + 1)) + lowerHex(id.substr(at + 1));
        return;
    }
    if (id.starts_with("sha256:"))
        configDigest = lowerHex(id);
}

void readKubernetes(const JsonNode &root, FileRead &out)
{
    if (root.has("items"))
        root.child("items").forEachElement([&](const JsonNode &item) { readK8sObject(item, out); });
    else
        readK8sObject(root, out);
}

void readDockerInspect(const JsonNode &root, FileRead &out)
{
    if (root.isArray())
        root.forEachElement([&](const JsonNode &c) { readDockerContainer(c, out); });
    else
        readDockerContainer(root, out);
}

} // namespace patchwise::ingest
