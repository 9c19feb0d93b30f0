namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>What a template may refer to at one place in a document (docs/runbook-format.md, "Templates").</summary>
/// <param name="Parameters">Declared parameter names (runbook) — null in a fragment, which cannot know its caller's.</param>
/// <param name="Inputs">Declared input names (fragment) — null in a runbook.</param>
/// <param name="NodeAvailable">Inside a forEach group, or in a fragment (whose call site may be inside one).</param>
public sealed record TemplateScope(IReadOnlySet<string>? Parameters, IReadOnlySet<string>? Inputs, bool NodeAvailable)
{
    public static readonly IReadOnlyList<string> ClusterFields =
    [
        "name", "node_count", "stretch", "solution_deployed", "registered", "identity", "cloud_management_group",
        "aks_arc", "cau_role_installed", "windows_update_access", "functional_level",
    ];

    public static readonly IReadOnlyList<string> NodeFields = ["name", "build", "release", "secure_boot", "site", "index"];

    /// <summary>Scriban's built-in function objects and loop variables, always in scope.</summary>
    public static readonly IReadOnlySet<string> Builtins = new HashSet<string>(StringComparer.Ordinal)
    {
        "array", "date", "html", "math", "object", "regex", "string", "timespan", "empty", "blank", "for", "while", "tablerow",
    };

    /// <summary>Top-level names a template may use here.</summary>
    public IEnumerable<string> Variables
    {
        get
        {
            yield return "cluster";
            if (NodeAvailable)
            {
                yield return "node";
            }

            // A fragment reads its caller's parameters too; their names are only known at the call site.
            yield return "params";
            if (Inputs is not null)
            {
                yield return "inputs";
            }
        }
    }
}
