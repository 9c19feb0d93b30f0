using AzureLocalUpgrade.Engine.Approvals;

namespace AzureLocalUpgrade.Engine.Tests.Unattended;

public sealed class ApprovalFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("alu-approval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "approvals.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TryLoad_ValidFile_ShouldReadHashApproverAndGates()
    {
        var path = Write("""
            apiVersion: azurelocal.upgrade/v1
            kind: Approval
            planHash: sha256:abc
            approvedBy: jane.doe
            approvedAt: 2026-11-27T16:00:00Z
            ticket: CHG0012345
            gates: [secure-boot, post/raise-functional-level]
            """);

        ApprovalFileLoader.TryLoad(path, out var approval, out var error).Should().BeTrue(error);

        approval!.PlanHash.Should().Be("sha256:abc");
        approval.Approves("secure-boot").Should().BeTrue();
        approval.Approves("other-gate").Should().BeFalse();
        approval.Describe().Should().Contain("jane.doe").And.Contain("CHG0012345");
    }

    [Fact]
    public void Approves_Wildcard_ShouldApproveEveryGate()
    {
        var path = Write("kind: Approval\nplanHash: sha256:abc\napprovedBy: ops\napprovedAt: 2026-11-27T16:00:00Z\ngates: ['*']\n");

        ApprovalFileLoader.TryLoad(path, out var approval, out _).Should().BeTrue();

        approval!.Approves("anything[n1]/gate").Should().BeTrue();
    }

    [Theory]
    [InlineData("kind: Plan\nplanHash: x\napprovedBy: a\napprovedAt: 2026-01-01T00:00:00Z\ngates: ['*']\n", "kind must be Approval")]
    [InlineData("kind: Approval\napprovedBy: a\napprovedAt: 2026-01-01T00:00:00Z\ngates: ['*']\n", "planHash and approvedBy are required")]
    [InlineData("kind: Approval\nplanHash: x\napprovedBy: a\napprovedAt: someday\ngates: ['*']\n", "approvedAt must be a date")]
    [InlineData("kind: Approval\nplanHash: x\napprovedBy: a\napprovedAt: 2026-01-01T00:00:00Z\n", "gates must list")]
    [InlineData("kind: [Approval\n", ":1:")]
    public void TryLoad_InvalidFile_ShouldExplainWithPosition(string text, string expected)
    {
        var path = Write(text);

        ApprovalFileLoader.TryLoad(path, out _, out var error).Should().BeFalse();

        error.Should().StartWith(path).And.Contain(expected);
    }

    [Fact]
    public void TryLoad_NestedDeeperThanTheLimit_ShouldBeRefusedByTheBoundedLoader()
    {
        var path = Write("apiVersion: azurelocal.upgrade/v1\nkind: Approval\nplanHash: sha256:abc\napprovedBy: jane.doe\n" +
            "approvedAt: 2026-11-27T16:00:00Z\ngates: ['*']\nextra: " + new string('[', 100) + new string(']', 100) + "\n");

        ApprovalFileLoader.TryLoad(path, out _, out var error).Should().BeFalse();

        error.Should().Contain("ALU1005").And.Contain("approvals.yaml:7:");
    }
}
