using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Approvals;

/// <summary>
/// Reads an approval file:
/// <code>
/// apiVersion: azurelocal.upgrade/v1
/// kind: Approval
/// planHash: sha256:…            # alu plan prints it; alu run checks it
/// approvedBy: jane.doe
/// approvedAt: 2026-11-27T16:00:00Z
/// ticket: CHG0012345            # optional
/// gates: ["*"]                  # or a list of gate ids
/// </code>
/// </summary>
public static class ApprovalFileLoader
{
    /// <summary>
    /// Reads the file through the same bounded loader as runbooks (a regular file, size, nesting, aliases), so no
    /// approval file can hang alu, exhaust its memory or overflow its stack.
    /// </summary>
    public static bool TryLoad(string path, out ApprovalFile? approval, out string error)
    {
        approval = null;
        var bag = new DiagnosticBag();
        var source = YamlSourceLoader.Load(path, bag);
        if (source is null)
        {
            var first = bag.Items[0];
            error = $"{first.Span.File}:{first.Span.Line}:{first.Span.Column}: {first.Message} [{first.Code}] {first.Hint}".Trim();
            return false;
        }

        if (source.Root is not YamlMappingNode root)
        {
            error = $"{path}:1:1: the approval file is empty or not a mapping";
            return false;
        }

        return TryRead(path, root, out approval, out error);
    }

    private static bool TryRead(string path, YamlMappingNode root, out ApprovalFile? approval, out string error)
    {
        approval = null;
        string? Scalar(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

        var kind = Scalar("kind");
        if (kind != "Approval")
        {
            error = $"{path}:{root.Start.Line}:{root.Start.Column}: kind must be Approval (found '{kind ?? "nothing"}')";
            return false;
        }

        var hash = Scalar("planHash");
        var by = Scalar("approvedBy");
        if (string.IsNullOrWhiteSpace(hash) || string.IsNullOrWhiteSpace(by))
        {
            error = $"{path}:{root.Start.Line}:{root.Start.Column}: planHash and approvedBy are required";
            return false;
        }

        if (!DateTimeOffset.TryParse(Scalar("approvedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            error = $"{path}:{root.Start.Line}:{root.Start.Column}: approvedAt must be a date and time such as 2026-11-27T16:00:00Z";
            return false;
        }

        var gates = root.Children.TryGetValue(new YamlScalarNode("gates"), out var gatesNode) && gatesNode is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(g => g.Value ?? "").Where(g => g.Length > 0).ToList()
            : [];
        if (gates.Count == 0)
        {
            error = $"{path}:{root.Start.Line}:{root.Start.Column}: gates must list the approved gate ids, or \"*\" for all";
            return false;
        }

        approval = new ApprovalFile(hash, by, at, Scalar("ticket"), gates, path);
        error = "";
        return true;
    }
}
