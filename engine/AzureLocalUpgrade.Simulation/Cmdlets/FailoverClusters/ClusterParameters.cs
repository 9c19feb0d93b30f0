using System.Globalization;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// The cluster's private properties the simulator models: CauEnableSoftReboot only. It exists once created with
/// Set-ClusterParameter -Create, and kernel soft reboot is on only while its value is 1 (Azure Local "Kernel Soft
/// Reboot" page, azure-local/manage/kernel-soft-reboot.md).
/// </summary>
internal static class ClusterParameters
{
    public const string CauEnableSoftReboot = "CauEnableSoftReboot";

    public static bool SoftRebootPropertyExists(SimulationState s) => s.SoftRebootPropertyCreated || s.KernelSoftReboot;

    /// <summary>The private properties that exist on the cluster now.</summary>
    public static List<ClusterParameterInfo> Existing(SimulationState s) =>
        SoftRebootPropertyExists(s) ? [new(s.ClusterName, CauEnableSoftReboot, s.KernelSoftReboot ? 1 : 0, "UInt32")] : [];

    public static ClusterParameterInfo Find(SimulationState s, string name) =>
        Existing(s).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulationException(
            "ClusterParameterNotFound",
            ErrorCategory.ObjectNotFound,
            $"The cluster {s.ClusterName} has no parameter '{name}'. A private property exists only after Set-ClusterParameter -Name {name} -Value ... -Create.");

    /// <summary>Sets (or with create, creates) a private property; only CauEnableSoftReboot is modelled.</summary>
    public static void Set(SimulationState s, string name, object value, bool create)
    {
        if (!string.Equals(name, CauEnableSoftReboot, StringComparison.OrdinalIgnoreCase))
        {
            throw new SimulationException(
                "ClusterParameterNotSimulated",
                ErrorCategory.NotImplemented,
                $"The simulator models only the cluster private property {CauEnableSoftReboot}; '{name}' is not simulated.");
        }

        if (!create && !SoftRebootPropertyExists(s))
        {
            throw new SimulationException(
                "ClusterParameterNotFound",
                ErrorCategory.ObjectNotFound,
                $"The cluster {s.ClusterName} has no parameter '{name}' to set. Create it with Set-ClusterParameter -Name {name} -Value ... -Create.");
        }

        var raw = value is PSObject pso ? pso.BaseObject : value;
        s.SoftRebootPropertyCreated = true;
        s.KernelSoftReboot = raw switch
        {
            bool b => b,
            _ => Convert.ToInt64(raw, CultureInfo.InvariantCulture) == 1,
        };
    }
}
