using System.Text.Json.Serialization;

namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class AksArcState
{
    /// <summary>
    /// The PowerShell modules an AKS-HCI install brings, in the order Microsoft's helper script that deletes old
    /// AKS-HCI modules names them (Azure/aksArc scripts/samples/uninstall-akshci.ps1, linked from the upgrade
    /// documents' prerequisites): AksHci itself and the modules it depends on.
    /// </summary>
    public static readonly IReadOnlyList<string> ModuleNames = ["AksHci", "Moc", "Kva", "DownloadSDK", "TraceProvider"];

    /// <summary>AKS Arc is deployed (Uninstall-AksHci removes it).</summary>
    public bool Installed { get; set; }

    /// <summary>
    /// The AKS-HCI modules still installed through PowerShellGet. Uninstall-Module removes only the ones it names:
    /// uninstalling AksHci leaves its dependencies behind.
    /// </summary>
    public List<string> Modules { get; set; } = [];

    /// <summary>The AksHci module is installed (Uninstall-AksHci is one of its commands).</summary>
    [JsonIgnore]
    public bool ModuleInstalled => Modules.Contains("AksHci", StringComparer.OrdinalIgnoreCase);

    public bool Preview { get; set; }

    /// <summary>The state of a cluster where AKS Arc is (or is not) installed: with it, every AKS-HCI module.</summary>
    public static AksArcState Of(bool installed, bool preview) =>
        new() { Installed = installed, Modules = installed ? [.. ModuleNames] : [], Preview = preview };
}
