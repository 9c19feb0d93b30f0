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

    private static ScriptObject ValuesObject(IReadOnlyDictionary<string, object?> values)
    {
        var result = new ScriptObject();
        foreach (var (name, value) in values)
        {
            // A secret must never reach rendered text, whatever the template does with it.
            result[name] = value is SecretValue ? SecretValue.Mask : value;
        }

        return result;
    }

    private static ScriptObject ClusterObject(ClusterInventory cluster) => new()
    {
        ["name"] = cluster.Name,
        ["node_count"] = cluster.Nodes.Count,
        ["stretch"] = cluster.Facts.Stretch,
        ["solution_deployed"] = cluster.Facts.SolutionDeployed,
        ["registered"] = cluster.Facts.Registered,
        ["identity"] = cluster.Facts.Identity,
        ["cloud_management_group"] = cluster.Facts.CloudManagementGroup,
        ["aks_arc"] = new ScriptObject
        {
            ["installed"] = cluster.Facts.AksArc.Installed,
            ["preview"] = cluster.Facts.AksArc.Preview,
        },
        ["cau_role_installed"] = cluster.Facts.CauRoleInstalled,
        ["windows_update_access"] = cluster.Facts.WindowsUpdateAccess,
        ["functional_level"] = cluster.Facts.FunctionalLevel,
    };

    private static ScriptObject NodeObject(NodeInventory node, int index) => new()
    {
        ["name"] = node.Name,
        ["build"] = node.Build,
        ["release"] = OsBuild.TryParse(node.Build, out var build) ? build.Release : "unknown",
        ["secure_boot"] = node.SecureBoot,
        ["site"] = node.Site,
        ["index"] = index,
    };
}
