package org.guichet.directory.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * One spelling of a DN, so that the same entry written by two servers' attributes compares
 * equal: attribute types and values in lower case, no spaces around the separators.
 */
final class DistinguishedNames {

	private DistinguishedNames() {
	}

	/** The DN in its one spelling; a text that is no DN is only put in lower case. */
	static String normalise(String dn) {
		try {
			List<Rdn> rightToLeft = new LdapName(dn).getRdns();
			List<String> parts = new ArrayList<>(rightToLeft.size());
			for (int i = rightToLeft.size() - 1; i >= 0; i--) {
				parts.add(normalise(rightToLeft.get(i)));
			}
			return String.join(",", parts);
		}
		catch (InvalidNameException ex) {
			return dn.strip().toLowerCase(Locale.ROOT);
		}
	}

	private static String normalise(Rdn rdn) {
		return (rdn.getType() + "=" + Rdn.escapeValue(rdn.getValue())).toLowerCase(Locale.ROOT);
	}

	/** The value of the DN's first RDN in lower case (a group's CN), or the whole text in lower case. */
	static String leaf(String dn) {
		try {
			LdapName name = new LdapName(dn);
			return name.isEmpty() ? "" : String.valueOf(name.getRdn(name.size() - 1).getValue()).toLowerCase(Locale.ROOT);
		}
		catch (InvalidNameException ex) {
			return dn.strip().toLowerCase(Locale.ROOT);
		}
	}

}
