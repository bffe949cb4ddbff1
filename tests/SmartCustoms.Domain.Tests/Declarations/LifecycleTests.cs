using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Declarations;

public class LifecycleTests
{
    [Theory]
    [InlineData(DeclarationStatus.Accepted, DeclarationAction.Control, DeclarationStatus.UnderControl, NotificationKind.Control)]
    [InlineData(DeclarationStatus.Assessed, DeclarationAction.Control, DeclarationStatus.UnderControl, NotificationKind.Control)]
    [InlineData(DeclarationStatus.Accepted, DeclarationAction.Release, DeclarationStatus.Released, NotificationKind.Released)]
    [InlineData(DeclarationStatus.Assessed, DeclarationAction.Release, DeclarationStatus.Released, NotificationKind.Released)]
    [InlineData(DeclarationStatus.UnderControl, DeclarationAction.Release, DeclarationStatus.Released, NotificationKind.Released)]
    [InlineData(DeclarationStatus.Released, DeclarationAction.Clear, DeclarationStatus.Cleared, NotificationKind.Cleared)]
    [InlineData(DeclarationStatus.Accepted, DeclarationAction.Cancel, DeclarationStatus.Cancelled, NotificationKind.Invalidated)]
    [InlineData(DeclarationStatus.UnderControl, DeclarationAction.Cancel, DeclarationStatus.Cancelled, NotificationKind.Invalidated)]
    [InlineData(DeclarationStatus.Assessed, DeclarationAction.Invalidate, DeclarationStatus.Invalidated, NotificationKind.Invalidated)]
    [InlineData(DeclarationStatus.Released, DeclarationAction.Invalidate, DeclarationStatus.Invalidated, NotificationKind.Invalidated)]
    [InlineData(DeclarationStatus.Accepted, DeclarationAction.Reject, DeclarationStatus.Rejected, NotificationKind.Rejected)]
    [InlineData(DeclarationStatus.UnderControl, DeclarationAction.Reject, DeclarationStatus.Rejected, NotificationKind.Rejected)]
    [InlineData(DeclarationStatus.Accepted, DeclarationAction.Amend, DeclarationStatus.Assessed, NotificationKind.Accepted)]
    [InlineData(DeclarationStatus.Assessed, DeclarationAction.Amend, DeclarationStatus.Assessed, NotificationKind.Accepted)]
    [InlineData(DeclarationStatus.UnderControl, DeclarationAction.Amend, DeclarationStatus.UnderControl, NotificationKind.Accepted)]
    public void AllowsTransitionAndNamesItsNotification(
        DeclarationStatus current, DeclarationAction action, DeclarationStatus next, NotificationKind notification) =>
        Assert.Equal(new Transition(true, next, notification, null), Lifecycle.Apply(current, action));

    [Theory]
    [InlineData(DeclarationStatus.Released, DeclarationAction.Cancel, "A declaration cannot be cancelled after the goods are released.")]
    [InlineData(DeclarationStatus.Released, DeclarationAction.Amend, "A declaration cannot be amended after the goods are released.")]
    [InlineData(DeclarationStatus.Released, DeclarationAction.Reject, "A declaration that is Released cannot be rejected.")]
    [InlineData(DeclarationStatus.Released, DeclarationAction.Release, "A declaration that is Released cannot be released.")]
    [InlineData(DeclarationStatus.Accepted, DeclarationAction.Clear, "A declaration that is Accepted cannot be cleared.")]
    [InlineData(DeclarationStatus.UnderControl, DeclarationAction.Control, "A declaration that is UnderControl cannot be put under control.")]
    [InlineData(DeclarationStatus.Cleared, DeclarationAction.Invalidate, "A declaration that is Cleared cannot be invalidated.")]
    public void RefusesTransitionWithAReason(DeclarationStatus current, DeclarationAction action, string reason) =>
        Assert.Equal(new Transition(false, current, null, reason), Lifecycle.Apply(current, action));

    public static TheoryData<DeclarationStatus> FinalStatuses =>
        [DeclarationStatus.Cleared, DeclarationStatus.Rejected, DeclarationStatus.Cancelled, DeclarationStatus.Invalidated];

    [Theory]
    [MemberData(nameof(FinalStatuses))]
    public void AdmitsNothingFromAFinalStatus(DeclarationStatus final)
    {
        Assert.True(Lifecycle.IsFinal(final));
        Assert.All(Enum.GetValues<DeclarationAction>(), action =>
        {
            var transition = Lifecycle.Apply(final, action);
            Assert.False(transition.Allowed, $"{final} + {action}");
            Assert.Equal(final, transition.Status);
            Assert.Null(transition.Notification);
            Assert.False(string.IsNullOrWhiteSpace(transition.Refusal));
        });
    }

    [Theory]
    [InlineData(DeclarationStatus.Accepted)]
    [InlineData(DeclarationStatus.Assessed)]
    [InlineData(DeclarationStatus.UnderControl)]
    [InlineData(DeclarationStatus.Released)]
    public void KeepsOpenStatusesOpen(DeclarationStatus open)
    {
        Assert.False(Lifecycle.IsFinal(open));
        Assert.Contains(Enum.GetValues<DeclarationAction>(), action => Lifecycle.Apply(open, action).Allowed);
    }

    [Theory]
    [InlineData(NotificationKind.Accepted, "DMSACC")]
    [InlineData(NotificationKind.TaxCalculation, "DMSTAX")]
    [InlineData(NotificationKind.Control, "DMSCTL")]
    [InlineData(NotificationKind.Released, "DMSROG")]
    [InlineData(NotificationKind.Cleared, "DMSCLE")]
    [InlineData(NotificationKind.Rejected, "DMSREJ")]
    [InlineData(NotificationKind.Invalidated, "DMSINV")]
    public void NamesEachNotificationByItsDmsCode(NotificationKind kind, string code) =>
        Assert.Equal(code, kind.DmsCode());
}
