namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class NicDriverState
{
    public string AdapterName { get; set; } = "";

    public string Vendor { get; set; } = "";

    public string Adapter { get; set; } = "";

    public string Version { get; set; } = "";
}
