-- The benchmark's choice of what to measure, read by scripts/bench and by BenchmarkPagesTests
-- (which runs each query on a small demo made at several dates, on SQLite and PostgreSQL).
-- One query a name; {employee} is the email the employee query chose. Plain SQL both databases run.
-- name: large_manager
SELECT m.email FROM people p JOIN people m ON p.manager_id = m.id WHERE p.active = (1 = 1) GROUP BY m.email ORDER BY COUNT(*) DESC, m.email LIMIT 1
-- name: small_manager
SELECT m.email FROM people p JOIN people m ON p.manager_id = m.id GROUP BY m.email ORDER BY COUNT(*) ASC, m.email LIMIT 1
-- name: top_director
-- (the head of the organisation's top unit: every person is below them)
SELECT h.email FROM units u JOIN people h ON h.id = u.head_id WHERE u.parent_id IS NULL ORDER BY u.people_total DESC, u.path LIMIT 1
-- name: director
-- (the head of the unit nearest 5,000 people, and the unit)
SELECT h.email, u.id FROM units u JOIN people h ON h.id = u.head_id WHERE u.parent_id IS NOT NULL ORDER BY ABS(u.people_total - 5000), u.path LIMIT 1
-- name: leadership
SELECT email FROM people WHERE leadership_team = (1 = 1) AND active = (1 = 1) ORDER BY email LIMIT 1
-- name: hr_admin
SELECT email FROM people WHERE hr_admin = (1 = 1) ORDER BY email LIMIT 1
-- name: open_conversation
-- (someone's scheduled conversation, someone who also has a held one to open the record of, and a career plan)
SELECT c.id, e.email FROM conversations c JOIN people e ON e.id = c.employee_id WHERE c.state = 'scheduled' AND EXISTS (SELECT 1 FROM conversations h WHERE h.employee_id = c.employee_id AND h.state = 'held') AND EXISTS (SELECT 1 FROM career_plans cp WHERE cp.person_id = c.employee_id) ORDER BY e.email LIMIT 1
-- name: held_conversation
SELECT c.id FROM conversations c JOIN people e ON e.id = c.employee_id WHERE e.email = '{employee}' AND c.state = 'held' ORDER BY c.held_at DESC LIMIT 1
-- name: history
SELECT COUNT(*) AS n FROM conversations c JOIN people e ON e.id = c.employee_id WHERE e.email = '{employee}'
-- name: large_report
-- (one of the large team's people, whose page their manager opens; {employee} is the manager here)
SELECT p.id FROM people p JOIN people m ON m.id = p.manager_id WHERE m.email = '{employee}' AND p.active = (1 = 1) ORDER BY p.name, p.id LIMIT 1
