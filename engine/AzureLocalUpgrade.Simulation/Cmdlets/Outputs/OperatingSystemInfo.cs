namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>
/// Get-CimInstance -ClassName Win32_OperatingSystem output: the few properties of the class the simulator models, with
/// the class's names (CSName: the computer's name; LastBootUpTime: when the operating system last started, in UTC;
/// BuildNumber: the OS build, as the class's string).
/// </summary>
public sealed record OperatingSystemInfo(string CSName, DateTime LastBootUpTime, string BuildNumber)
{
    public override string ToString() => CSName;
}
