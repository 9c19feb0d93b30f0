using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Access;

/// <summary>The access file (--auth FILE): what loads, and every mistake reported at its line and column.</summary>
public sealed class DashboardAccessLoaderTests : IDisposable
{
    private const string Header = "apiVersion: azurelocal.upgrade/v1\nkind: DashboardAccess\n";
    private static readonly string GoodHash = PasswordHashes.Hash("a password");
    private readonly string _folder = Directory.CreateTempSubdirectory("alu-access-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_standard_file_loads_accounts_and_tokens_with_their_roles()
    {
        var access = Load(AccessFiles.StandardText, out var bag);
        bag.Items.Should().BeEmpty();
        access!.Accounts.Select(a => (a.Name, a.Role)).Should().Equal((AccessFiles.OperatorName, DashboardRole.Operator), (AccessFiles.ViewerName, DashboardRole.Viewer));
        access.Tokens.Select(t => (t.Name, t.Role)).Should().Equal(("release-bot", DashboardRole.Operator), ("wallboard", DashboardRole.Viewer));
    }

    [Fact]
    public void A_password_verifies_against_its_salted_hash_and_nothing_else()
    {
        var account = new DashboardAccount("alice", DashboardRole.Operator, PasswordHashes.Hash("s3cret"));
        PasswordHashes.Verify(account, "s3cret").Should().BeTrue();
        PasswordHashes.Verify(account, "S3cret").Should().BeFalse();
        PasswordHashes.Verify(null, "s3cret").Should().BeFalse();
        PasswordHashes.Hash("s3cret").Should().NotBe(account.PasswordHash, "each hash has its own salt");
    }

    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "kind: Runbook\napiVersion: azurelocal.upgrade/v1\naccounts: []\n", DashboardCodes.AccessFileShape, "1:7" },
        { Header, DashboardCodes.AccessFileShape, "1:1" },
        { Header + "accounts:\n  - name: alice\n    role: admin\n    passwordHash: " + GoodHash + "\n", DashboardCodes.RoleUnknown, "5:11" },
        { Header + "accounts:\n  - name: alice\n    role: operator\n    password: hunter2\n", DashboardCodes.PlainSecret, "6:5" },
        { Header + "accounts:\n  - name: alice\n    role: operator\n    passwordHash: bm90IGEgaGFzaA==\n", DashboardCodes.PasswordHashInvalid, "6:19" },
        { Header + "tokens:\n  - name: bot\n    role: viewer\n    sha256: abc\n", DashboardCodes.TokenHashInvalid, "6:13" },
        { Header + "tokens:\n  - name: bot\n    role: viewer\n    token: abc\n", DashboardCodes.PlainSecret, "6:5" },
        { Header + "accounts:\n  - name: alice\n    role: operator\n    passwordHash: " + GoodHash + "\n  - name: Alice\n    role: viewer\n    passwordHash: " + GoodHash + "\n", DashboardCodes.DuplicateName, "7:11" },
        { Header + "accounts:\n  - name: alice\n    role: operator\n", DashboardCodes.AccessEntryInvalid, "4:5" },
        { Header + "accounts:\n  - name: al ice\n    role: operator\n    passwordHash: " + GoodHash + "\n", DashboardCodes.AccessEntryInvalid, "4:11" },
        { Header + "accounts:\n  - name: alice\n    rol: operator\n    role: operator\n    passwordHash: " + GoodHash + "\n", DashboardCodes.AccessEntryInvalid, "5:5" },
        { Header + "accounts: alice\n", DashboardCodes.AccessFileShape, "3:11" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_reported_at_its_line_and_column_with_a_hint(string text, string code, string lineColumn)
    {
        var access = Load(text, out var bag);
        access.Should().BeNull();
        var diagnostic = bag.Items.Should().Contain(d => d.Code == code).Which;
        $"{diagnostic.Span.Line}:{diagnostic.Span.Column}".Should().Be(lineColumn);
        diagnostic.Hint.Should().NotBeNullOrEmpty();
        bag.Items.Should().NotContain(d => d.Message.Contains("hunter2", StringComparison.Ordinal), "a secret is never echoed");
    }

    [Fact]
    public void A_missing_file_is_the_usual_file_not_found()
    {
        var bag = new DiagnosticBag();
        DashboardAccessLoader.Load(Path.Combine(_folder, "missing.yaml"), bag).Should().BeNull();
        bag.Items.Single().Code.Should().Be(DiagnosticCodes.FileNotFound);
    }

    private DashboardAccess? Load(string text, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return DashboardAccessLoader.Load(AccessFiles.Write(_folder, text), bag);
    }
}
