namespace AzureLocalUpgrade.Engine.Inventory;

/// <param name="Vendor">Intel | NVIDIA | other.</param>
public sealed record NicDriver(string Vendor, string Adapter, string Version);
