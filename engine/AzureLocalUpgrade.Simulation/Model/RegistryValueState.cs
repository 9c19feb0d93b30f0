namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>A registry value. DWord values keep <see cref="Number"/>, string values <see cref="Text"/>.</summary>
internal sealed class RegistryValueState
{
    public string Name { get; set; } = "";

    /// <summary>DWord | QWord | String.</summary>
    public string Kind { get; set; } = "String";

    public long Number { get; set; }

    public string? Text { get; set; }

    public object ToPowerShellValue() => Kind switch
    {
        "DWord" => (object)(int)Number,
        "QWord" => Number,
        _ => Text ?? "",
    };
}
