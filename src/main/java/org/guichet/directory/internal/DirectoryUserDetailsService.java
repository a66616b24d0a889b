package org.guichet.directory.internal;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.UserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DirectoryUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	DirectoryUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username)
			.map(CurrentUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No user " + username));
	}

}
