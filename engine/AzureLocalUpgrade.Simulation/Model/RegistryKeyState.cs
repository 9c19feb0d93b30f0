namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>A registry key (path in HKLM:\ form, as PowerShell's registry provider shows it) and its values.</summary>
internal sealed class RegistryKeyState
{
    public string Path { get; set; } = "";

    public List<RegistryValueState> Values { get; set; } = [];

    public RegistryValueState? Find(string name) =>
        Values.Find(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
