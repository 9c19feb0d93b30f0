using System.Collections;
using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>Reads the RollingUpgradePlugin arguments ('true'/'false' strings, as in the docs).</summary>
internal static class CauPluginArguments
{
    public static string? Get(Hashtable[]? arguments, string name)
    {
        foreach (var table in arguments ?? [])
        {
            foreach (DictionaryEntry entry in table)
            {
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    var value = entry.Value is PSObject pso ? pso.BaseObject : entry.Value;
                    return value?.ToString();
                }
            }
        }

        return null;
    }

    public static bool IsTrue(Hashtable[]? arguments, string name) =>
        string.Equals(Get(arguments, name), "true", StringComparison.OrdinalIgnoreCase);
}
