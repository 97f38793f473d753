/// Short comments of the kind teachers write with a check mark, by status,
/// and the actions mentors and learners agree.
enum CommentBank {
  static let above = [
    "Excellent progress; keep stretching yourself with the extension tasks",
    "Consistently strong work; try the harder past paper questions",
    "Well ahead of target; keep up the independent reading",
    "Very good assessment result; aim to explain your reasoning in full",
    "Confident and accurate; help others in group work to deepen your own understanding",
  ]
  static let on = [
    "Steady progress; review class notes each week",
    "On track; practise timed answers before the next assessment",
    "Good effort in class; check your work for careless errors",
    "Working well; ask for help sooner when a topic is unclear",
    "Homework is complete and careful; now focus on exam technique",
    "Solid understanding; use the marking schemes to refine answers",
  ]
  static let below = [
    "Homework is often missing; hand it in on time",
    "Needs to revise the last two topics before the next test",
    "Attendance at class has dropped; catch up on missed work",
    "Answers lack detail; use the worked examples on Teams",
    "Coursework draft is overdue; please see me this week",
    "Struggling with the core skills; come to the lunchtime support class",
    "Focus in class needs to improve; sit near the front",
  ]
  static let subjectActions = [
    "Attend the lunchtime study club once a week",
    "Hand in the outstanding homework by Friday",
    "Make a revision timetable and show it to the mentor",
    "Ask the class teacher for feedback on the last test",
    "Redo the practice paper and check it against the marking scheme",
    "Catch up on the missed coursework with the teacher",
  ]
  static let generalActions = [
    "Keep a homework diary and bring it to the next meeting",
    "Read for twenty minutes every evening",
    "Look into college open days before the next meeting",
    "Talk to pupil support about balancing a part-time job",
    "Keep up the good work and set a stretch goal in one subject",
  ]
}
