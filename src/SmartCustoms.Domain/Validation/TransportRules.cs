using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Validation;

internal static class TransportRules
{
    public static void Check(Declaration d, ValidationContext context, IssueList issues)
    {
        if (d.Transport is not { } t)
        {
            return;
        }

        if (t.ModeAtBorder is { } mode && (mode.Length != 1 || mode[0] is < '1' or > '9'))
        {
            issues.Error("transport.mode-invalid", $"Transport mode '{mode}' must be a UN Rec. 19 code from 1 to 9 (1 sea, 4 air, ...).", "/transport/modeAtBorder");
        }

        Fields.Country(issues, context.Catalog, t.BorderMeansNationality, "/transport/borderMeansNationality", "Nationality of the means of transport");
        Fields.Text(issues, t.BorderMeansId, 35, "/transport/borderMeansId", "The means of transport id");
        Fields.Text(issues, t.InlandMeansId, 35, "/transport/inlandMeansId", "The means of transport id");
        if (t.TransportDocument is { } doc)
        {
            Fields.Required(issues, doc.Id, "/transport/transportDocument/id", "The transport document number");
            Fields.Text(issues, doc.Id, 70, "/transport/transportDocument/id", "The transport document number");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < t.Containers.Count; i++)
        {
            Container(t.Containers[i], Fields.Index("/transport/containers", i), context.StrictContainerNumbers, seen, issues);
        }
    }

    private static void Container(Container container, string pointer, bool strict, HashSet<string> seen, IssueList issues)
    {
        if (container is null)
        {
            issues.Error("required", "A container cannot be null.", pointer);
            return;
        }

        if (!Fields.Required(issues, container.Id, pointer + "/id", "The container number"))
        {
            return;
        }

        var id = container.Id!;
        Fields.Text(issues, id, 17, pointer + "/id", "The container number");
        if (!seen.Add(id.Trim().ToUpperInvariant()))
        {
            issues.Error("container.duplicate", $"Container {id} is declared twice.", pointer + "/id");
        }

        // Equipment ids that are not of ISO 6346 form (trailers, national ids) are allowed: only a number that
        // claims the form and fails its check digit is suspicious.
        if (ContainerNumber.Check(id) == ContainerNumberCheck.WrongCheckDigit)
        {
            var expected = ContainerNumber.ComputeCheckDigit(id.AsSpan().Trim()[..10]);
            var message = $"Container number {id} fails the ISO 6346 check digit (expected {expected}).";
            if (strict)
            {
                issues.Error("container.check-digit", message, pointer + "/id");
            }
            else
            {
                issues.Warning("container.check-digit", message, pointer + "/id");
            }
        }

        for (var s = 0; s < container.Seals.Count; s++)
        {
            var sealPointer = Fields.Index(pointer + "/seals", s);
            Fields.Required(issues, container.Seals[s], sealPointer, "The seal number");
            Fields.Text(issues, container.Seals[s], 35, sealPointer, "The seal number");
        }
    }
}
