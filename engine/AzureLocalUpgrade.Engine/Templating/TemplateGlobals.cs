using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using Scriban.Runtime;

namespace AzureLocalUpgrade.Engine.Templating;

/// <summary>
/// Builds the Scriban global object for a <see cref="TemplateScope"/>; field names are the documented ones.
/// One instance per compilation: every scope of a compilation shares the same parameters and cluster, so their
/// objects are built once and shared (a 64-node plan has hundreds of scopes).
/// </summary>
internal sealed class TemplateGlobals
{
    private readonly Dictionary<object, ScriptObject> _shared = new(ReferenceEqualityComparer.Instance);

    public ScriptObject For(TemplateScope scope)
    {
        var globals = new ScriptObject
        {
            ["params"] = Shared(scope.Params, ValuesObject),
            ["inputs"] = ValuesObject(scope.Inputs),
            ["cluster"] = Shared(scope.Cluster, ClusterObject),
        };
        if (scope.Node is not null)
        {
            globals["node"] = NodeObject(scope.Node, scope.NodeIndex);
        }

        return globals;
    }

    private ScriptObject Shared<T>(T source, Func<T, ScriptObject> build)
        where T : class
    {
        if (!_shared.TryGetValue(source, out var built))
        {
            built = build(source);
            _shared[source] = built;
        }

        return built;
    }

    /// <summary>The top-level names a template in this scope can use, for "did you mean" hints.</summary>
    public static IEnumerable<string> Names(TemplateScope scope) =>
        scope.Node is null ? ["cluster", "inputs", "params"] : ["cluster", "inputs", "node", "params"];

    /// <summary>
    /// The value <c>{{ scope.member }}</c> reads in <paramref name="scope"/>, found as the globals object would hold it
    /// but without building it; false when the globals would not have it (Scriban then reports the error).
    /// </summary>
    public static bool TryGetMember(TemplateScope scope, string name, string member, out object? value)
    {
        switch (name)
        {
            case "params":
                return TryGetValue(scope.Params, member, out value);
            case "inputs":
                return TryGetValue(scope.Inputs, member, out value);
            case "node" when scope.Node is not null:
                return TryGetField(NodeFields, (scope.Node, scope.NodeIndex), member, out value);
            case "cluster":
                return TryGetField(ClusterFields, scope.Cluster, member, out value);
            default:
                value = null;
                return false;
        }
    }

    private static bool TryGetValue(IReadOnlyDictionary<string, object?> values, string name, out object? value)
    {
        var found = values.TryGetValue(name, out value);
        value = Masked(value);
        return found;
    }

    private static bool TryGetField<T>((string Name, Func<T, object?> Read)[] fields, T source, string name, out object? value)
    {
        foreach (var field in fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                value = field.Read(source);
                return true;
            }
        }

        value = null;
        return false;
    }

    // A secret must never reach rendered text, whatever the template does with it.
    private static object? Masked(object? value) => value is SecretValue ? SecretValue.Mask : value;

    private static ScriptObject ValuesObject(IReadOnlyDictionary<string, object?> values)
    {
        var result = new ScriptObject();
        foreach (var (name, value) in values)
        {
            result[name] = Masked(value);
        }

        return result;
    }

    private static ScriptObject FieldsObject<T>((string Name, Func<T, object?> Read)[] fields, T source)
    {
        var result = new ScriptObject();
        foreach (var (name, read) in fields)
        {
            result[name] = read(source);
        }

        return result;
    }

    private static ScriptObject ClusterObject(ClusterInventory cluster) => FieldsObject(ClusterFields, cluster);

    private static ScriptObject NodeObject(NodeInventory node, int index) => FieldsObject(NodeFields, (node, index));

    // The documented fields of cluster and node, one table each for the globals object and for TryGetMember.
    private static readonly (string Name, Func<ClusterInventory, object?> Read)[] ClusterFields =
    [
        ("name", c => c.Name),
        ("node_count", c => c.Nodes.Count),
        ("stretch", c => c.Facts.Stretch),
        ("solution_deployed", c => c.Facts.SolutionDeployed),
        ("registered", c => c.Facts.Registered),
        ("identity", c => c.Facts.Identity),
        ("cloud_management_group", c => c.Facts.CloudManagementGroup),
        ("aks_arc", c => new ScriptObject
        {
            ["installed"] = c.Facts.AksArc.Installed,
            ["preview"] = c.Facts.AksArc.Preview,
        }),
        ("cau_role_installed", c => c.Facts.CauRoleInstalled),
        ("windows_update_access", c => c.Facts.WindowsUpdateAccess),
        ("functional_level", c => c.Facts.FunctionalLevel),
    ];

    private static readonly (string Name, Func<(NodeInventory Node, int Index), object?> Read)[] NodeFields =
    [
        ("name", n => n.Node.Name),
        ("build", n => n.Node.Build),
        ("release", n => OsBuild.TryParse(n.Node.Build, out var build) ? build.Release : "unknown"),
        ("secure_boot", n => n.Node.SecureBoot),
        ("site", n => n.Node.Site),
        ("index", n => n.Index),
    ];
}
