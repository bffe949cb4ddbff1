using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Validation;

internal static class PartyRules
{
    public static void Check(Declaration d, ReferenceCatalog catalog, IssueList issues)
    {
        if (d.Declarant is null || string.IsNullOrWhiteSpace(d.Declarant.Id))
        {
            issues.Error("required", "The declarant's identification number (e.g. EORI) is required.", "/declarant/id");
        }

        if (d.IsImport)
        {
            RequireIdentified(d.Importer, "/importer", "importer", issues);
        }

        if (d.IsExport)
        {
            RequireIdentified(d.Exporter, "/exporter", "exporter", issues);
        }

        Party(d.Declarant, "/declarant", catalog, issues);
        Party(d.Importer, "/importer", catalog, issues);
        Party(d.Exporter, "/exporter", catalog, issues);
        Party(d.Consignor, "/consignor", catalog, issues);
        Party(d.Consignee, "/consignee", catalog, issues);
        Party(d.Agent, "/agent", catalog, issues);
        Party(d.Carrier, "/carrier", catalog, issues);
        for (var i = 0; i < d.AuthorisationHolders.Count; i++)
        {
            var holder = d.AuthorisationHolders[i];
            var pointer = Fields.Index("/authorisationHolders", i);
            if (holder is null)
            {
                issues.Error("required", "An authorisation holder cannot be null.", pointer);
                continue;
            }

            Fields.Required(issues, holder.Id, pointer + "/id", "The authorisation holder's id");
            Fields.Text(issues, holder.Id, 35, pointer + "/id", "The authorisation holder's id");
            Fields.Text(issues, holder.Category, 4, pointer + "/category", "The authorisation type");
        }
    }

    /// <summary>A party is identified by a recognised number, or else by name and address (as in the DMS rules).</summary>
    private static void RequireIdentified(Party? party, string pointer, string role, IssueList issues)
    {
        if (party is null)
        {
            issues.Error("required", $"The {role} is required.", pointer);
        }
        else if (string.IsNullOrWhiteSpace(party.Id) && (string.IsNullOrWhiteSpace(party.Name) || party.Address is null))
        {
            issues.Error("party.unidentified", $"The {role} needs an identification number, or a name and an address.", pointer + "/id");
        }
    }

    private static void Party(Party? party, string pointer, ReferenceCatalog catalog, IssueList issues)
    {
        if (party is null)
        {
            return;
        }

        Fields.Text(issues, party.Id, 35, pointer + "/id", "The party id");
        Fields.Text(issues, party.Name, 140, pointer + "/name", "The party name");
        if (party.Address is { } a)
        {
            Fields.Text(issues, a.Line, 140, pointer + "/address/line", "The address line");
            Fields.Text(issues, a.City, 70, pointer + "/address/city", "The city");
            Fields.Text(issues, a.Postcode, 17, pointer + "/address/postcode", "The postcode");
            Fields.Country(issues, catalog, a.Country, pointer + "/address/country", "Address country");
        }
    }
}
