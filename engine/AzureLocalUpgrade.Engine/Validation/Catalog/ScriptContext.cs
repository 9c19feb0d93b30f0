using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>Where a script runs, as far as its calls' checks care.</summary>
/// <param name="On">The script's target; a node session (<see cref="TargetKind.Node"/>) makes remote parameters a second hop.</param>
/// <param name="RunsOn">
/// The reference docsets of everything the script may run on: the runbook's source and target release, and the
/// PowerShell of its session (Windows PowerShell 5.1 in a node's remote session, alu's own PowerShell 7 on the orchestrator).
/// </param>
public sealed record ScriptContext(TargetKind On, IReadOnlyList<string> RunsOn)
{
    public const string WindowsServer2022 = "winserver2022-ps";
    public const string WindowsServer2025 = "winserver2025-ps";
    public const string WindowsPowerShell = "powershell-5.1";
    public const string PowerShell7 = "powershell-7.6";

    /// <summary>Both docsets: what a fragment on its own, or a runbook without an upgrade path, may run on.</summary>
    public static readonly IReadOnlyList<string> AnyRelease = [WindowsServer2022, WindowsServer2025];

    /// <summary>
    /// The docsets of a runbook's releases. 22H2 and 23H2 nodes are documented by the Windows Server 2022 reference,
    /// 24H2 (build 26100, the Windows Server 2025 code base) by the 2025 one. Both ends count: steps run before and
    /// after the OS changes.
    /// </summary>
    public static IReadOnlyList<string> DocsetsOf(UpgradePath? upgrade) =>
        upgrade is null ? AnyRelease : [.. new[] { upgrade.From, upgrade.To }.Select(DocsetOf).Distinct()];

    private static string DocsetOf(string release) => release == "24H2" ? WindowsServer2025 : WindowsServer2022;

    /// <summary>The context of a script run on <paramref name="on"/> in a runbook upgrading along <paramref name="upgrade"/>.</summary>
    public static ScriptContext For(TargetKind on, UpgradePath? upgrade) =>
        new(on, [.. DocsetsOf(upgrade), on == TargetKind.Orchestrator ? PowerShell7 : WindowsPowerShell]);
}
