namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class AksArcState
{
    /// <summary>AKS Arc is deployed (Uninstall-AksHci removes it).</summary>
    public bool Installed { get; set; }

    /// <summary>The AksHci PowerShell module is installed (Uninstall-Module removes it).</summary>
    public bool ModuleInstalled { get; set; }

    public bool Preview { get; set; }
}
