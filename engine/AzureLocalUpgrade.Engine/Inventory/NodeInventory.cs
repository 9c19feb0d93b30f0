using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <param name="Build">Full OS build, e.g. 20349.3692 (22H2), 25398.1611 (23H2), 26100.4061 (24H2).</param>
/// <param name="Address">Host name or IP for remoting; defaults to <see cref="Name"/>.</param>
/// <param name="State">Up | Down | Paused at the time the inventory was written (simulator start state).</param>
/// <param name="Site">Site name in a stretch cluster.</param>
public sealed record NodeInventory(
    string Name,
    string Build,
    string? Address,
    string State,
    bool SecureBoot,
    IReadOnlyList<NicDriver> NicDrivers,
    IReadOnlyList<string> VirtualMachines,
    string? Site,
    SourceSpan Span)
{
    public OsBuild OsBuild => OsBuild.Parse(Build);
}
